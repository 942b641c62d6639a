using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;
using NUnit.Framework;
using Plivo.Generated.Testing;
using static Plivo.Generated.Tests.Support.SandboxHttp;

namespace Plivo.Generated.Tests;

/// <summary>
/// Every answer <see cref="PlivoSandbox"/> gives validates against the schema spec/plivo-numberpool.yaml declares for it.
/// The schema is picked through the spec (path, method, status) wherever the request is one the spec describes, so the
/// tests follow the contract rather than a copy of it. The spec declares no <c>required</c> properties, so on top of the
/// schema check every answer must carry every property the schema declares.
/// </summary>
[TestFixture]
public sealed class SandboxSchemaTests
{
    private const string PowerpackPath = "/Powerpack/{powerpack_uuid}/";
    private const string ListPath = "/NumberPool/{number_pool_uuid}/Tollfree/";
    private const string NumberPath = "/NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/";
    private const string Number = "18772209942";
    private const string OtherNumber = "18005550100";
    private const string UnknownUuid = "00000000-1111-2222-3333-444444444444";

    private OpenApiDocument _document = null!;

    [OneTimeSetUp]
    public async Task LoadSpec()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "spec", "plivo-numberpool.yaml");
        _document = await OpenApiYamlDocument.FromFileAsync(path);
    }

    // ---- the spec itself --------------------------------------------------------------------------------------------

    [Test]
    public void Spec_DeclaresTheSchemasTheseTestsUse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_document.SchemaType, Is.EqualTo(SchemaType.OpenApi3));
            Assert.That(_document.Components.Schemas.Keys, Is.SupersetOf(new[]
            {
                "PowerpackResource", "TollfreeNumber", "TollfreeNumberList", "ListMeta", "RemoveResult", "PlivoError",
            }));
            Assert.That(_document.Paths.Keys, Is.SupersetOf(new[] { PowerpackPath, ListPath, NumberPath }));
            Assert.That(ResponseSchema(PowerpackPath, "get", "200"), Is.SameAs(ComponentSchema("PowerpackResource")));
            Assert.That(ResponseSchema(ListPath, "get", "200"), Is.SameAs(ComponentSchema("TollfreeNumberList")));
            Assert.That(ResponseSchema(NumberPath, "post", "200"), Is.SameAs(ComponentSchema("TollfreeNumber")));
            Assert.That(ResponseSchema(NumberPath, "get", "200"), Is.SameAs(ComponentSchema("TollfreeNumber")));
            Assert.That(ResponseSchema(NumberPath, "delete", "200"), Is.SameAs(ComponentSchema("RemoveResult")));
            Assert.That(ResponseSchema(NumberPath, "delete", "404"), Is.SameAs(ComponentSchema("PlivoError")));
        });
    }

    // ---- 200 answers ------------------------------------------------------------------------------------------------

    [Test]
    public async Task Get_200_MatchesPowerpackResource()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("marketing");
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Get, $"Account/{sandbox.AuthId}/Powerpack/{seeded.Uuid}/");

        Assert.That(status, Is.EqualTo(200), body);
        AssertMatches(ResponseSchema(PowerpackPath, "get", "200"), body, "Get 200");
        AssertMatches(ComponentSchema("PowerpackResource"), body, "Get 200");
    }

    [TestCase(null)]
    [TestCase("{\"rent\": false}")]
    [TestCase("{\"rent\": \"false\", \"service\": \"mms\"}")]
    public async Task Add_200_MatchesTollfreeNumber(string? requestBody)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack();
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Post, NumberPath(sandbox, seeded.NumberPoolUuid, Number), requestBody);

        Assert.That(status, Is.EqualTo(200), body);
        AssertMatches(ResponseSchema(NumberPath, "post", "200"), body, "Add 200");
        AssertMatches(ComponentSchema("TollfreeNumber"), body, "Add 200");
    }

    [Test]
    public async Task Find_200_MatchesTollfreeNumber()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("p", new[] { Number });
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Get, NumberPath(sandbox, seeded.NumberPoolUuid, Number));

        Assert.That(status, Is.EqualTo(200), body);
        AssertMatches(ResponseSchema(NumberPath, "get", "200"), body, "Find 200");
        AssertMatches(ComponentSchema("TollfreeNumber"), body, "Find 200");
    }

    // First page (next set, previous null), middle page (both set), last page (next null), empty pool, past the end.
    [TestCase(25, "?limit=20", 20)]
    [TestCase(25, "?limit=5&offset=10", 5)]
    [TestCase(25, "?limit=20&offset=20", 5)]
    [TestCase(0, "", 0)]
    [TestCase(3, "?offset=50", 0)]
    public async Task List_200_MatchesTollfreeNumberList(int poolSize, string query, int expectedOnPage)
    {
        using var sandbox = PlivoSandbox.Start();
        var numbers = Enumerable.Range(0, poolSize).Select(i => (18005550100L + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var seeded = sandbox.AddPowerpack("p", numbers);
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Get, PoolPath(sandbox, seeded.NumberPoolUuid) + query);

        Assert.That(status, Is.EqualTo(200), body);
        Assert.That(JObject.Parse(body)["objects"] as JArray, Has.Count.EqualTo(expectedOnPage), body);
        AssertMatches(ResponseSchema(ListPath, "get", "200"), body, "List 200");
        AssertMatches(ComponentSchema("TollfreeNumberList"), body, "List 200");
    }

    [TestCase("")]
    [TestCase("?unrent=true")]
    public async Task Remove_200_MatchesRemoveResult(string query)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("p", new[] { Number });
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Delete, NumberPath(sandbox, seeded.NumberPoolUuid, Number) + query);

        Assert.That(status, Is.EqualTo(200), body);
        AssertMatches(ResponseSchema(NumberPath, "delete", "200"), body, "Remove 200");
        AssertMatches(ComponentSchema("RemoveResult"), body, "Remove 200");
    }

    // ---- error answers ----------------------------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> ErrorCases()
    {
        // name, method, relative path ({auth}, {pack}, {pool}, {number} filled in), body, credentials, status, spec path, spec method
        yield return Error("400 invalid number on add", "POST", "Account/{auth}/NumberPool/{pool}/Tollfree/12ab/", "{\"rent\": false}", Credentials.Right, 400, NumberPath, "post");
        yield return Error("400 number starting with 0 on find", "GET", "Account/{auth}/NumberPool/{pool}/Tollfree/0123/", null, Credentials.Right, 400, NumberPath, "get");
        yield return Error("400 duplicate add", "POST", "Account/{auth}/NumberPool/{pool}/Tollfree/{number}/", null, Credentials.Right, 400, NumberPath, "post");
        yield return Error("400 bad add body", "POST", "Account/{auth}/NumberPool/{pool}/Tollfree/" + OtherNumber + "/", "{\"rent\": \"maybe\"}", Credentials.Right, 400, NumberPath, "post");
        yield return Error("400 limit 21", "GET", "Account/{auth}/NumberPool/{pool}/Tollfree/?limit=21", null, Credentials.Right, 400, ListPath, "get");
        yield return Error("400 unrent not boolean", "DELETE", "Account/{auth}/NumberPool/{pool}/Tollfree/{number}/?unrent=1", null, Credentials.Right, 400, NumberPath, "delete");
        yield return Error("401 wrong token", "GET", "Account/{auth}/Powerpack/{pack}/", null, Credentials.WrongToken, 401, PowerpackPath, "get");
        yield return Error("401 no Authorization", "GET", "Account/{auth}/NumberPool/{pool}/Tollfree/", null, Credentials.None, 401, ListPath, "get");
        yield return Error("401 other auth id in path", "DELETE", "Account/MAOTHEROTHEROTHEROTH/NumberPool/{pool}/Tollfree/{number}/", null, Credentials.Right, 401, NumberPath, "delete");
        yield return Error("404 unknown powerpack", "GET", "Account/{auth}/Powerpack/" + UnknownUuid + "/", null, Credentials.Right, 404, PowerpackPath, "get");
        yield return Error("404 unknown pool", "GET", "Account/{auth}/NumberPool/" + UnknownUuid + "/Tollfree/", null, Credentials.Right, 404, ListPath, "get");
        yield return Error("404 unknown pool on add", "POST", "Account/{auth}/NumberPool/" + UnknownUuid + "/Tollfree/{number}/", null, Credentials.Right, 404, NumberPath, "post");
        yield return Error("404 unknown number on find", "GET", "Account/{auth}/NumberPool/{pool}/Tollfree/" + OtherNumber + "/", null, Credentials.Right, 404, NumberPath, "get");
        yield return Error("404 unknown number on remove", "DELETE", "Account/{auth}/NumberPool/{pool}/Tollfree/" + OtherNumber + "/", null, Credentials.Right, 404, NumberPath, "delete");
        // Requests the spec has no operation for: the shared response the spec declares for that status.
        yield return Error("404 no trailing slash", "GET", "Account/{auth}/Powerpack/{pack}", null, Credentials.Right, 404, null, null);
        yield return Error("405 PUT on a number", "PUT", "Account/{auth}/NumberPool/{pool}/Tollfree/{number}/", "{}", Credentials.Right, 405, null, null);
        yield return Error("405 PUT on a Powerpack", "PUT", "Account/{auth}/Powerpack/{pack}/", "{}", Credentials.Right, 405, null, null);
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task ErrorAnswer_MatchesPlivoError(string method, string relative, string? requestBody, Credentials credentials, int expectedStatus, string? specPath, string? specMethod)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("p", new[] { Number });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        if (credentials != Credentials.None)
        {
            var token = credentials == Credentials.WrongToken ? sandbox.AuthToken + "x" : sandbox.AuthToken;
            http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicHeader(sandbox.AuthId, token));
        }

        var path = relative.Replace("{auth}", sandbox.AuthId, StringComparison.Ordinal)
            .Replace("{pack}", seeded.Uuid, StringComparison.Ordinal)
            .Replace("{pool}", seeded.NumberPoolUuid, StringComparison.Ordinal)
            .Replace("{number}", Number, StringComparison.Ordinal);
        var (status, body) = await SendRawAsync(http, new HttpMethod(method), path, requestBody);

        Assert.That(status, Is.EqualTo(expectedStatus), body);
        var schema = specPath is null
            ? SharedResponseSchema(expectedStatus)
            : ResponseSchema(specPath, specMethod!, expectedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(schema, Is.SameAs(ComponentSchema("PlivoError")), "the spec declares PlivoError for every error");
        AssertMatches(schema, body, $"{method} {path} {status}");
        Assert.That((string?)JObject.Parse(body)["error"], Is.Not.Empty, body);
    }

    // ---- the validation can fail --------------------------------------------------------------------------------------

    [Test]
    public async Task NegativeControl_AMangledSandboxAnswer_FailsValidation()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("p", new[] { Number });
        using var http = RawClient(sandbox);
        var (_, body) = await SendRawAsync(http, HttpMethod.Get, NumberPath(sandbox, seeded.NumberPoolUuid, Number));
        var schema = ResponseSchema(NumberPath, "get", "200");
        Assert.That(schema.Validate(body), Is.Empty, "the untouched answer is valid");

        var mangled = JObject.Parse(body);
        mangled["number"] = 5;
        mangled["added_on"] = "10/09/2019";
        var errors = schema.Validate(mangled.ToString());

        Assert.That(errors.Select(e => (e.Kind, e.Path)), Is.EquivalentTo(new[]
        {
            (ValidationErrorKind.StringExpected, "#/number"),
            (ValidationErrorKind.DateExpected, "#/added_on"),
        }), Describe(errors));
    }

    [TestCase("{\"api_id\": \"x\", \"meta\": {}, \"objects\": \"18772209942\"}", ValidationErrorKind.ArrayExpected, "#/objects")]
    [TestCase("{\"objects\": [{\"number\": 18772209942}]}", ValidationErrorKind.StringExpected, "#/objects[0].number")]
    [TestCase("{\"meta\": {\"total_count\": \"25\"}, \"objects\": []}", ValidationErrorKind.IntegerExpected, "#/meta.total_count")]
    [TestCase("{\"meta\": {\"next\": 20}, \"objects\": []}", ValidationErrorKind.StringExpected, "#/meta.next")]
    [TestCase("{\"meta\": \"none\", \"objects\": []}", ValidationErrorKind.ObjectExpected, "#/meta")]
    [TestCase("[]", ValidationErrorKind.ObjectExpected, "#/")]
    public void NegativeControl_AWrongListShape_FailsValidation(string json, ValidationErrorKind kind, string path)
    {
        var errors = ResponseSchema(ListPath, "get", "200").Validate(json);

        Assert.That(Flatten(errors).Select(e => (e.Kind, e.Path)), Does.Contain((kind, path)), Describe(errors));
    }

    [Test]
    public void NegativeControl_AMissingDeclaredProperty_IsCaughtByThePresenceCheck()
    {
        const string json = "{\"api_id\": \"x\"}";

        Assert.Multiple(() =>
        {
            Assert.That(ComponentSchema("RemoveResult").Validate(json), Is.Empty, "the spec declares no required properties");
            Assert.That(MissingProperties(ComponentSchema("RemoveResult"), JToken.Parse(json), "#"), Is.EqualTo(new[] { "#/response" }));
        });
    }

    // meta.next and meta.previous are `nullable: true` (OpenAPI 3.0); NJsonSchema must accept null there and only there.
    [Test]
    public void Nullable_IsHonouredForMetaNextAndPrevious_AndOnlyThere()
    {
        var meta = ComponentSchema("ListMeta");
        var list = ResponseSchema(ListPath, "get", "200");

        var nullLinks = meta.Validate("{\"limit\": 20, \"offset\": 0, \"total_count\": 1, \"next\": null, \"previous\": null}");
        var nullLimit = meta.Validate("{\"limit\": null, \"next\": null}");
        var nullNumber = ComponentSchema("TollfreeNumber").Validate("{\"number\": null}");
        var nullInList = list.Validate("{\"meta\": {\"next\": null, \"previous\": null}, \"objects\": [{\"number\": null}]}");

        Assert.Multiple(() =>
        {
            Assert.That(meta.Properties["next"].IsNullable(SchemaType.OpenApi3), Is.True);
            Assert.That(meta.Properties["previous"].IsNullable(SchemaType.OpenApi3), Is.True);
            Assert.That(nullLinks, Is.Empty, Describe(nullLinks));
            Assert.That(nullLimit.Select(e => (e.Kind, e.Path)), Is.EqualTo(new[] { (ValidationErrorKind.IntegerExpected, "#/limit") }), Describe(nullLimit));
            Assert.That(nullNumber.Select(e => (e.Kind, e.Path)), Is.EqualTo(new[] { (ValidationErrorKind.StringExpected, "#/number") }), Describe(nullNumber));
            Assert.That(Flatten(nullInList).Select(e => (e.Kind, e.Path)), Is.EqualTo(new[]
            {
                (ValidationErrorKind.ArrayItemNotValid, "#/objects[0]"), (ValidationErrorKind.StringExpected, "#/objects[0].number"),
            }), Describe(nullInList));
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    public enum Credentials
    {
        Right,
        WrongToken,
        None,
    }

    private static TestCaseData Error(string name, string method, string relative, string? body, Credentials credentials, int status, string? specPath, string? specMethod) =>
        new TestCaseData(method, relative, body, credentials, status, specPath, specMethod).SetName("ErrorAnswer_MatchesPlivoError(" + name + ")");

    private JsonSchema ComponentSchema(string name) => _document.Components.Schemas[name];

    private JsonSchema ResponseSchema(string path, string method, string status)
    {
        Assert.That(_document.Paths, Does.ContainKey(path));
        Assert.That(_document.Paths[path], Does.ContainKey(method), $"the spec has no {method} on {path}");
        var operation = _document.Paths[path][method];
        Assert.That(operation.ActualResponses, Does.ContainKey(status), $"the spec declares no {status} for {method} {path}");
        var response = operation.ActualResponses[status];
        Assert.That(response.Content, Does.ContainKey("application/json"));
        return response.Schema.ActualSchema;
    }

    private JsonSchema SharedResponseSchema(int status)
    {
        var name = status switch
        {
            400 => "BadRequest",
            401 => "Unauthorized",
            404 => "NotFound",
            405 => "MethodNotAllowed",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no shared response for this status"),
        };
        return _document.Components.Responses[name].Schema.ActualSchema;
    }

    private static void AssertMatches(JsonSchema schema, string json, string what)
    {
        var errors = schema.Validate(json);
        Assert.That(errors, Is.Empty, $"{what} does not match the spec: {Describe(errors)}\n{json}");
        var missing = MissingProperties(schema, JToken.Parse(json), "#");
        Assert.That(missing, Is.Empty, $"{what} lacks properties the spec declares: {string.Join(", ", missing)}\n{json}");
    }

    // Every property the schema declares that the answer lacks, walking into objects and array items; null stands for itself.
    private static List<string> MissingProperties(JsonSchema schema, JToken token, string path)
    {
        var missing = new List<string>();
        var actual = schema.ActualSchema;
        if (token is JObject obj)
        {
            foreach (var (name, property) in actual.ActualProperties)
            {
                if (obj.TryGetValue(name, StringComparison.Ordinal, out var value))
                {
                    missing.AddRange(MissingProperties(property.ActualSchema, value, $"{path}/{name}"));
                }
                else
                {
                    missing.Add($"{path}/{name}");
                }
            }
        }
        else if (token is JArray array && actual.Item is { } item)
        {
            for (var i = 0; i < array.Count; i++)
            {
                missing.AddRange(MissingProperties(item.ActualSchema, array[i], $"{path}[{i}]"));
            }
        }

        return missing;
    }

    private static string Describe(ICollection<ValidationError> errors) =>
        errors.Count == 0 ? "no errors" : string.Join("; ", Flatten(errors).Select(e => $"{e.Kind} at {e.Path}"));

    // An error inside an array item or a combined schema carries its causes as children; list them all, parents first.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => new[] { e }.Concat(e is ChildSchemaValidationError child ? Flatten(child.Errors.Values.SelectMany(v => v)) : Enumerable.Empty<ValidationError>()));

}
