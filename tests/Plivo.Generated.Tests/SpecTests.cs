using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// spec/plivo-numberpool.yaml read by Microsoft.OpenApi, a parser independent of the generator: it must parse with no
/// error and no warning (its default validation rules included), be OpenAPI 3.0, declare the operations the client
/// is built on at Plivo's paths, and follow, for every operation it has, the conventions the generator relies on. Spectral and Redocly lint the same file (`dotnet cake
/// --target=LintSpec`); these tests keep the contract checked by `dotnet test` alone.
/// </summary>
[TestFixture]
public sealed class SpecTests
{
    private const string PowerpackPath = "/Powerpack/{powerpack_uuid}/";
    private const string ListPath = "/NumberPool/{number_pool_uuid}/Tollfree/";
    private const string NumberPath = "/NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/";

    private ReadResult _result = null!;

    [OneTimeSetUp]
    public void ParseSpec() => _result = SpecFile.Parse(SpecFile.ReadText());

    [Test]
    public void Spec_ParsesWithNoErrorsAndNoWarnings()
    {
        var diagnostic = _result.Diagnostic;

        Assert.That(diagnostic, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic!.Errors.Select(e => e.ToString()), Is.Empty, "errors");
            Assert.That(diagnostic.Warnings.Select(w => w.ToString()), Is.Empty, "warnings");
            Assert.That(diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_0));
            Assert.That(diagnostic.Format, Is.EqualTo(OpenApiConstants.Yaml));
            Assert.That(_result.Document, Is.Not.Null);
        });
    }

    [TestCase("Powerpack_Get", "GET", PowerpackPath)]
    [TestCase("Tollfree_Add", "POST", NumberPath)]
    [TestCase("Tollfree_Find", "GET", NumberPath)]
    [TestCase("Tollfree_List", "GET", ListPath)]
    [TestCase("Tollfree_Remove", "DELETE", NumberPath)]
    public void Operation_IsDeclaredAtItsPathAndMethod(string operationId, string method, string path)
    {
        var operations = Operations();

        Assert.That(operations, Does.ContainKey(operationId), $"no operation {operationId} in the spec");
        Assert.That(operations[operationId], Is.EqualTo((method, path)));
    }

    [Test]
    public void The_server_is_the_account_so_no_operation_takes_the_Auth_ID()
    {
        var server = _result.Document!.Servers!.Single();

        Assert.That(server.Url, Does.EndWith("/v1/Account/{auth_id}"));
        Assert.That(server.Variables!.Keys, Is.EqualTo(new[] { "auth_id" }));
        Assert.That(Operations().Values.Select(o => o.Path), Has.None.Contains("auth_id"));
    }

    [Test]
    public void Every_operation_follows_the_conventions_the_generator_relies_on()
    {
        var problems = new List<string>();
        foreach (var (path, item) in _result.Document!.Paths)
        {
            if (!path.EndsWith('/'))
            {
                problems.Add($"{path}: Plivo's paths end with '/'");
            }

            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var id = operation.OperationId ?? "(none)";
                var match = System.Text.RegularExpressions.Regex.Match(id, "^(?<tag>[A-Z][A-Za-z0-9]*)_(?<verb>[A-Z][A-Za-z0-9]*)$");
                var firstTag = operation.Tags?.FirstOrDefault()?.Name;
                if (!match.Success || match.Groups["tag"].Value != firstTag)
                {
                    problems.Add($"{method} {path}: operationId {id} is not <first tag>_<Verb> (first tag {firstTag ?? "(none)"})");
                }
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(Operations().Keys, Is.Unique);
    }

    [Test]
    public void Every_snake_case_parameter_has_a_camelCase_name_for_CSharp()
    {
        var problems = new List<string>();
        var parameters = _result.Document!.Paths.Values
            .SelectMany(p => (p.Parameters ?? new List<IOpenApiParameter>())
                .Concat((p.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).Values.SelectMany(o => o.Parameters ?? new List<IOpenApiParameter>())));
        foreach (var parameter in parameters)
        {
            if (!parameter.Name!.Contains('_'))
            {
                continue;
            }

            // The same words, camelCase: number_pool_uuid -> numberPoolUuid (toll_free_number may read tollfreeNumber).
            var csharp = parameter.Extensions is { } extensions && extensions.TryGetValue("x-originalName", out var name) ? (name as Microsoft.OpenApi.JsonNodeExtension)?.Node.ToString() : null;
            var camel = csharp is not null && System.Text.RegularExpressions.Regex.IsMatch(csharp, "^[a-z][A-Za-z0-9]*$");
            if (!camel || !string.Equals(csharp, parameter.Name.Replace("_", string.Empty, System.StringComparison.Ordinal), System.StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{parameter.Name}: x-originalName is {csharp ?? "(missing)"}, not the same words in camelCase");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_operation_is_a_method_of_its_generated_client()
    {
        var missing = Operations().Keys
            .Select(id => id.Split('_'))
            .Where(parts => typeof(PlivoApi).Assembly.GetType($"Plivo.Generated.I{parts[0]}Client")?.GetMethod(parts[1] + "Async") is null)
            .Select(parts => $"I{parts[0]}Client.{parts[1]}Async")
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    // ---- the checks above can fail ------------------------------------------------------------------------------------

    [Test]
    public void NegativeControl_AMissingRequiredField_IsADiagnosticError()
    {
        var broken = Mutate("  title: Plivo Powerpack API\n", string.Empty);

        var diagnostic = SpecFile.Parse(broken).Diagnostic!;

        Assert.That(diagnostic.Errors.Select(e => e.ToString()), Has.One.Contains("'title'").And.Contains("REQUIRED"));
    }

    [Test]
    public void NegativeControl_ADanglingSchemaReference_IsADiagnosticWarning()
    {
        var broken = Mutate("$ref: \"#/components/schemas/RemoveResult\"", "$ref: \"#/components/schemas/NoSuchSchema\"");

        var diagnostic = SpecFile.Parse(broken).Diagnostic!;

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Errors, Is.Empty);
            Assert.That(diagnostic.Warnings.Select(w => w.ToString()), Has.One.Contains("#/components/schemas/NoSuchSchema"));
        });
    }

    [Test]
    public void NegativeControl_ARenamedOperation_IsMissed()
    {
        var broken = Mutate("operationId: Tollfree_Remove\n", "operationId: Tollfree_Delete\n");

        var document = SpecFile.Parse(broken).Document!;

        Assert.That(OperationsOf(document).Keys, Does.Not.Contain("Tollfree_Remove").And.Contain("Tollfree_Delete"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private Dictionary<string, (string Method, string Path)> Operations() => OperationsOf(_result.Document!);

    // operationId -> (HTTP method, path) for every operation of every path.
    private static Dictionary<string, (string Method, string Path)> OperationsOf(OpenApiDocument document) =>
        document.Paths
            .SelectMany(path => (path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
                .Select(op => (Id: op.Value.OperationId ?? "(none)", Method: op.Key.Method, Path: path.Key)))
            .ToDictionary(op => op.Id, op => (op.Method, op.Path));

    // Changes the first occurrence only, so that each mutation breaks one known place.
    private static string Mutate(string find, string replacement)
    {
        var text = SpecFile.ReadText();
        var at = text.IndexOf(find, System.StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the mutation no longer applies to the spec");
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
