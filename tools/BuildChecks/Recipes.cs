using System.Text.RegularExpressions;

namespace BuildChecks;

/// <summary>
/// The two recipes of docs/contract.md as edits a contract-first team would make, applied to a copy of the repository:
/// "Add a field" (an <c>alias</c> on <c>TollfreeNumber</c>) and "Add an operation" (<c>GET /Number/{number}/</c>,
/// operationId <c>AccountNumber_Get</c>, a new tag and schema, and its sandbox route).
/// </summary>
internal static class Recipes
{
    public const string FieldExample = "support line";
    public const string OperationId = "AccountNumber_Get";
    public const string SandboxRoutes = "src/Plivo.Generated.Testing/SandboxRoutes.cs";
    public const string SandboxHandler = "src/Plivo.Generated.Testing/AccountNumberRoutes.cs";

    /// <summary>What "Add a field" may change: the spec and the approved API of the client.</summary>
    public static readonly string[] FieldFiles =
    [
        Repository.Spec,
        "tests/Plivo.Generated.ApiTests/api/Plivo.Generated.net10.0.txt",
        "tests/Plivo.Generated.ApiTests/api/Plivo.Generated.net8.0.txt",
        "tests/Plivo.Generated.ApiTests/api/Plivo.Generated.netstandard2.0.txt",
    ];

    /// <summary>What "Add an operation" may change: those, plus one sandbox route and its handler.</summary>
    public static readonly string[] OperationFiles = [.. FieldFiles, SandboxRoutes, SandboxHandler];

    public static void AddField(string copy) => Edit(copy, Repository.Spec, spec =>
        InsertAfter(spec, "    TollfreeNumber:\n      type: object\n      description: A toll-free number in a number pool.\n      additionalProperties: true\n      properties:\n",
            "        alias:\n          type: string\n          description: A name the account gives the number.\n          example: " + FieldExample + "\n"));

    public static void AddOperation(string copy)
    {
        Edit(copy, Repository.Spec, spec =>
        {
            var errors = Regex.Matches(spec, @"(?m)^        (""[45]\d\d""|default): \{ \$ref: ""#/components/responses/\w+"" \}$")
                .Select(m => m.Value).DistinctBy(l => l.Split(':')[0]).ToList();
            if (errors.Count == 0)
            {
                throw new CheckFailedException("the spec has no shared error responses (\"400\": { $ref: ... }) to reuse");
            }

            var path = """
                  /Number/{number}/:
                    parameters:
                      - name: number
                        in: path
                        required: true
                        description: A number the account rents, E.164 without the leading "+".
                        schema:
                          type: string
                          pattern: "^[1-9][0-9]{1,14}$"
                        example: "18772209942"
                    get:
                      tags: [AccountNumber]
                      operationId: AccountNumber_Get
                      summary: Retrieve a number the account rents
                      description: Returns one of the account's numbers.
                      responses:
                        "200":
                          description: The number.
                          content:
                            application/json:
                              schema:
                                $ref: "#/components/schemas/AccountNumber"
                              example:
                                api_id: 5b2a3a2c-7a36-11e8-aea7-0242ac110002
                                number: "18772209942"
                                number_type: tollfree

                """ + string.Join("\n", errors) + "\n\n";
            var schema = """
                    AccountNumber:
                      type: object
                      description: A number the account rents.
                      additionalProperties: true
                      properties:
                        api_id:
                          type: string
                          description: Plivo's identifier of this API call.
                        number:
                          type: string
                          description: The number, E.164 without the leading "+".
                        number_type:
                          type: string
                          description: The kind of number.

                """;
            var tag = "  - name: AccountNumber\n    description: The numbers the account rents.\n";
            return InsertAfter(InsertAfter(InsertAfter(spec, "paths:\n", path), "  schemas:\n", schema), "tags:\n", tag);
        });

        Edit(copy, SandboxRoutes, routes => InsertAfter(routes, "(StringComparer.Ordinal)\n    {\n",
            "        [\"AccountNumber_Get\"] = AccountNumberRoutes.Get,\n"));
        File.WriteAllText(Path.Combine(copy, SandboxHandler), """
            namespace Plivo.Generated.Testing;

            /// <summary>The sandbox's operations on the account's numbers.</summary>
            internal static class AccountNumberRoutes
            {
                public static SandboxAnswer Get(SandboxCall call) =>
                    PlivoFormats.IsPhoneNumber(call.Path["number"])
                        ? call.Ok(new AccountNumber { ApiId = SandboxAnswers.NewApiId(), Number = call.Path["number"] })
                        : SandboxCall.Error(400, $"invalid number '{call.Path["number"]}'");
            }

            """);
    }

    /// <summary>Renames a schema in components/schemas and every $ref to it (a breaking change the build must catch).</summary>
    public static void RenameSchema(string copy, string from, string to) => Edit(copy, Repository.Spec, spec =>
    {
        // Only under components/schemas: a parameter may have the same name.
        var schemas = spec.IndexOf("\n  schemas:\n", StringComparison.Ordinal);
        var key = new Regex("(?m)^    " + from + ":$");
        if (schemas < 0 || !key.IsMatch(spec, schemas))
        {
            throw new CheckFailedException($"the spec has no schema {from}");
        }

        var renamed = spec[..schemas] + key.Replace(spec[schemas..], "    " + to + ":", 1);
        return Regex.Replace(renamed, "#/components/schemas/" + from + @"\b", "#/components/schemas/" + to);
    });

    private static void Edit(string copy, string file, Func<string, string> change)
    {
        var path = Path.Combine(copy, file);
        File.WriteAllText(path, change(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    private static string InsertAfter(string text, string anchor, string insert)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new CheckFailedException($"the recipe's anchor is not in the file any more:\n{anchor}");
        }

        return text[..(at + anchor.Length)] + insert + text[(at + anchor.Length)..];
    }
}
