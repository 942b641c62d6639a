using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using YamlDotNet.RepresentationModel;
using IOpenApiExample = Microsoft.OpenApi.IOpenApiExample;
using IOpenApiMediaType = Microsoft.OpenApi.IOpenApiMediaType;
using IOpenApiParameter = Microsoft.OpenApi.IOpenApiParameter;
using IOpenApiReferenceHolder = Microsoft.OpenApi.IOpenApiReferenceHolder;
using IOpenApiRequestBody = Microsoft.OpenApi.IOpenApiRequestBody;
using IOpenApiResponse = Microsoft.OpenApi.IOpenApiResponse;
using NSwagDocument = NSwag.OpenApiDocument;
using NSwagParameter = NSwag.OpenApiParameter;
using NSwagYamlDocument = NSwag.OpenApiYamlDocument;
using OasDocument = Microsoft.OpenApi.OpenApiDocument;

namespace Plivo.Generated.Tests;

/// <summary>
/// Every example in spec/plivo-numberpool.yaml validates against the schema beside it: response examples (in operations
/// and in components/responses), request body examples (the add's <c>examples</c> map) and parameter examples.
/// </summary>
/// <remarks>
/// The example values are read with Microsoft.OpenApi, which keeps YAML's types: NSwag.Core.Yaml turns every scalar
/// inside an example into a string (<c>rent: false</c> and <c>rent: "false"</c> both become <c>"false"</c>, and
/// <c>local_connect: true</c> becomes <c>"true"</c>), which would hide exactly the mistakes this test is for. The schemas
/// are NSwag's (NJsonSchema), the ones the client is generated from and SandboxSchemaTests validates against. Each
/// example is checked where it is defined (a <c>$ref</c> to a shared response or parameter is not counted twice), and a
/// count of the <c>example</c>/<c>examples</c> entries in the raw YAML proves that none was skipped.
/// </remarks>
[TestFixture]
public sealed class SpecExampleTests
{
    private NSwagDocument _nswag = null!;

    [OneTimeSetUp]
    public async Task LoadSchemas() => _nswag = await NSwagYamlDocument.FromFileAsync(SpecFile.Path);

    private static IEnumerable<TestCaseData> Examples() =>
        ExampleSite.Collect(SpecFile.Parse(SpecFile.ReadText()).Document!)
            .Select(site => new TestCaseData(site).SetName($"Example_MatchesItsSchema({site.Location})"));

    [TestCaseSource(nameof(Examples))]
    public void Example_MatchesItsSchema(ExampleSite site)
    {
        var errors = site.Validate(_nswag);

        Assert.That(errors, Is.Empty, $"{site.Location}: {Describe(errors)}\n{site.Json}");
    }

    [Test]
    public void EveryExampleInTheYaml_IsCovered()
    {
        var sites = ExampleSite.Collect(SpecFile.Parse(SpecFile.ReadText()).Document!);

        Assert.Multiple(() =>
        {
            Assert.That(sites, Has.Count.EqualTo(CountExamplesInYaml(SpecFile.ReadText())),
                "an example/examples entry in the YAML is not collected (a new kind of site: teach ExampleSite.Collect about it)");
            Assert.That(sites.Select(s => s.Location).Distinct().Count(), Is.EqualTo(sites.Count), "locations are unique");
            // The kinds the spec has today, each at least once, so a walker that silently drops one is noticed.
            Assert.That(sites.Select(s => s.Location), Has.Some.StartsWith("paths.").And.Contains(".responses.200."));
            Assert.That(sites.Select(s => s.Location), Has.Some.StartsWith("components.responses."));
            Assert.That(sites.Select(s => s.Location), Has.Some.Contains(".requestBody.").And.Contains(".examples."));
            Assert.That(sites.Select(s => s.Location), Has.Some.StartsWith("components.parameters."));
        });
    }

    // rent: false (boolean) and rent: "false" (string) are two documented request bodies; they must stay apart.
    [Test]
    public void RequestBodyExamples_KeepTheirYamlTypes()
    {
        var sites = ExampleSite.Collect(SpecFile.Parse(SpecFile.ReadText()).Document!)
            .Where(s => s.Location.Contains("/Tollfree/{toll_free_number}/.post.requestBody.", StringComparison.Ordinal))
            .ToDictionary(s => s.Location[(s.Location.LastIndexOf('.') + 1)..], s => s.Json);

        Assert.Multiple(() =>
        {
            Assert.That(sites.Keys, Is.EquivalentTo(new[] { "rentFalse", "rentFalseString", "withService" }));
            Assert.That(sites["rentFalse"], Is.EqualTo("{\"rent\":false}"));
            Assert.That(sites["rentFalseString"], Is.EqualTo("{\"rent\":\"false\"}"));
            Assert.That(sites["withService"], Is.EqualTo("{\"rent\":false,\"service\":\"mms\"}"));
        });
    }

    // ---- the validation can fail --------------------------------------------------------------------------------------

    // The whole pipeline (parse, collect, validate) on a copy of the spec with one wrong example of each kind.
    [Test]
    public async Task NegativeControl_WrongExamplesInTheSpec_AreReportedWhereTheyAre()
    {
        var text = SpecFile.ReadText();
        var broken = Mutate(text, "\n                local_connect: true\n", "\n                local_connect: \"yes\"\n");
        broken = Mutate(broken, "                  rent: \"false\"\n", "                  rent: \"maybe\"\n");
        broken = Mutate(broken, "      example: \"18772209942\"\n", "      example: \"0800\"\n");
        broken = Mutate(broken, "error: internal server error }", "error: 500 }");
        broken = Mutate(broken, "\n                  total_count: 1\n", "\n                  total_count: \"1\"\n");

        var nswag = await NSwagYamlDocument.FromYamlAsync(broken);
        var failures = ExampleSite.Collect(SpecFile.Parse(broken).Document!)
            .Select(site => (site.Location, Errors: Flatten(site.Validate(nswag)).Select(e => (e.Kind, e.Path)).ToList()))
            .Where(f => f.Errors.Count > 0)
            .ToDictionary(f => f.Location, f => f.Errors);

        const string created = "paths./Powerpack/.post.responses.200.application/json.example";
        const string listed = "paths./Powerpack/.get.responses.200.application/json.example";
        Assert.That(failures.Keys, Is.EquivalentTo(new[]
        {
            created,
            "paths./NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/.post.requestBody.application/json.examples.rentFalseString",
            "components.parameters.TollfreeNumber.example",
            "components.responses.ServerError.application/json.example",
            listed,
        }), string.Join("\n", failures.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")));
        Assert.Multiple(() =>
        {
            Assert.That(failures[created], Does.Contain((ValidationErrorKind.BooleanExpected, "#/local_connect")));
            Assert.That(failures["components.parameters.TollfreeNumber.example"], Does.Contain((ValidationErrorKind.PatternMismatch, "#/")));
            Assert.That(failures["components.responses.ServerError.application/json.example"], Does.Contain((ValidationErrorKind.StringExpected, "#/error")));
            Assert.That(failures.Single(f => f.Key.Contains("rentFalseString", StringComparison.Ordinal)).Value,
                Does.Contain((ValidationErrorKind.NotOneOf, "#/rent")));
            Assert.That(failures[listed], Does.Contain((ValidationErrorKind.IntegerExpected, "#/meta.total_count")));
        });
    }

    // A kind of example the collector does not know (a response header's) makes the coverage count disagree.
    [Test]
    public void NegativeControl_AnExampleTheCollectorMisses_BreaksTheCoverageCount()
    {
        var broken = Mutate(SpecFile.ReadText(), "    TooManyRequests:\n      description: Too many requests; try again later.\n",
            "    TooManyRequests:\n      description: Too many requests; try again later.\n"
            + "      headers:\n        Retry-After:\n          description: Seconds to wait.\n          schema: { type: integer }\n          example: 30\n");

        var collected = ExampleSite.Collect(SpecFile.Parse(broken).Document!).Count;

        Assert.That(CountExamplesInYaml(broken), Is.EqualTo(collected + 1));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    // Changes the first occurrence only, so that each mutation breaks one known example.
    private static string Mutate(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the mutation no longer applies to the spec");
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    // Every `example` key and every entry of an `examples` map in the YAML, not looking inside example values, and
    // not taking schema property names (keys of a `properties` map) for keywords.
    private static int CountExamplesInYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Count(stream.Documents[0].RootNode, keysAreKeywords: true);

        static int Count(YamlNode node, bool keysAreKeywords)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    var count = 0;
                    foreach (var (keyNode, value) in mapping.Children)
                    {
                        var key = ((YamlScalarNode)keyNode).Value;
                        if (keysAreKeywords && key == "example")
                        {
                            count++;
                        }
                        else if (keysAreKeywords && key == "examples")
                        {
                            count += value switch { YamlMappingNode m => m.Children.Count, YamlSequenceNode s => s.Children.Count, _ => 1 };
                        }
                        else
                        {
                            count += Count(value, keysAreKeywords: !keysAreKeywords || key != "properties");
                        }
                    }

                    return count;
                case YamlSequenceNode sequence:
                    return sequence.Children.Sum(child => Count(child, keysAreKeywords: true));
                default:
                    return 0;
            }
        }
    }

    private static string Describe(IEnumerable<ValidationError> errors)
    {
        var all = Flatten(errors).ToList();
        return all.Count == 0 ? "no errors" : string.Join("; ", all.Select(e => $"{e.Kind} at {e.Path}"));
    }

    // An error inside an array item or a combined schema carries its causes as children; list them all, parents first.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => new[] { e }.Concat(e is ChildSchemaValidationError child ? Flatten(child.Errors.Values.SelectMany(v => v)) : Enumerable.Empty<ValidationError>()));

    /// <summary>
    /// One example where the spec defines it: its location (dotted, e.g. <c>components.responses.NotFound.application/json.example</c>),
    /// its value as JSON (typed, from Microsoft.OpenApi) and how to find its schema in NSwag's reading of the same spec.
    /// </summary>
    public sealed class ExampleSite
    {
        private readonly Func<NSwagDocument, JsonSchema> _schema;

        private ExampleSite(string location, string json, Func<NSwagDocument, JsonSchema> schema)
        {
            Location = location;
            Json = json;
            _schema = schema;
        }

        public string Location { get; }

        public string Json { get; }

        public JsonSchema SchemaIn(NSwagDocument document) => _schema(document).ActualSchema;

        public ICollection<ValidationError> Validate(NSwagDocument document) => SchemaIn(document).Validate(Json);

        public override string ToString() => Location;

        /// <summary>Every example of every parameter, request body and response defined inline in an operation or in components.</summary>
        public static List<ExampleSite> Collect(OasDocument document)
        {
            var sites = new List<ExampleSite>();
            foreach (var (path, item) in document.Paths)
            {
                foreach (var parameter in Inline(item.Parameters))
                {
                    var (name, @in) = (parameter.Name, parameter.In);
                    AddParameter(sites, $"paths.{path}.parameters.{name}", parameter,
                        d => Find(d.Paths[path].Parameters, name, @in));
                }

                foreach (var (httpMethod, operation) in item.Operations ?? new())
                {
                    var method = httpMethod.Method.ToLowerInvariant();
                    var at = $"paths.{path}.{method}";
                    foreach (var parameter in Inline(operation.Parameters))
                    {
                        var (name, @in) = (parameter.Name, parameter.In);
                        AddParameter(sites, $"{at}.parameters.{name}", parameter,
                            d => Find(d.Paths[path][method].Parameters, name, @in));
                    }

                    if (operation.RequestBody is { } body and not IOpenApiReferenceHolder)
                    {
                        AddContent(sites, $"{at}.requestBody", body.Content,
                            (d, media) => d.Paths[path][method].RequestBody.ActualRequestBody.Content[media].Schema);
                    }

                    foreach (var (status, response) in operation.Responses ?? new())
                    {
                        if (response is not IOpenApiReferenceHolder)
                        {
                            AddContent(sites, $"{at}.responses.{status}", response.Content,
                                (d, media) => d.Paths[path][method].Responses[status].ActualResponse.Content[media].Schema);
                        }
                    }
                }
            }

            var components = document.Components;
            foreach (var (key, parameter) in components?.Parameters ?? new Dictionary<string, IOpenApiParameter>())
            {
                AddParameter(sites, $"components.parameters.{key}", parameter, d => d.Components.Parameters[key]);
            }

            foreach (var (key, body) in components?.RequestBodies ?? new Dictionary<string, IOpenApiRequestBody>())
            {
                AddContent(sites, $"components.requestBodies.{key}", body.Content,
                    (d, media) => d.Components.RequestBodies[key].ActualRequestBody.Content[media].Schema);
            }

            foreach (var (key, response) in components?.Responses ?? new Dictionary<string, IOpenApiResponse>())
            {
                AddContent(sites, $"components.responses.{key}", response.Content,
                    (d, media) => d.Components.Responses[key].ActualResponse.Content[media].Schema);
            }

            return sites;
        }

        private static IEnumerable<IOpenApiParameter> Inline(IEnumerable<IOpenApiParameter>? parameters) =>
            (parameters ?? Enumerable.Empty<IOpenApiParameter>()).Where(p => p is not IOpenApiReferenceHolder);

        private static NSwagParameter Find(IEnumerable<NSwagParameter> parameters, string? name, Microsoft.OpenApi.ParameterLocation? @in) =>
            parameters.Select(p => p.ActualParameter)
                .Single(p => p.Name == name && string.Equals(p.Kind.ToString(), @in?.ToString(), StringComparison.OrdinalIgnoreCase));

        private static void AddParameter(List<ExampleSite> sites, string at, IOpenApiParameter parameter, Func<NSwagDocument, NSwagParameter> find)
        {
            JsonSchema Schema(NSwagDocument d)
            {
                var p = find(d).ActualParameter;
                return p.Schema ?? p;
            }

            Add(sites, $"{at}.example", parameter.Example, Schema);
            foreach (var (name, example) in parameter.Examples ?? new Dictionary<string, IOpenApiExample>())
            {
                Add(sites, $"{at}.examples.{name}", example.Value, Schema);
            }
        }

        private static void AddContent(List<ExampleSite> sites, string at, IDictionary<string, IOpenApiMediaType>? content, Func<NSwagDocument, string, JsonSchema> schema)
        {
            foreach (var (media, type) in content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                Add(sites, $"{at}.{media}.example", type.Example, d => schema(d, media));
                foreach (var (name, example) in type.Examples ?? new Dictionary<string, IOpenApiExample>())
                {
                    Add(sites, $"{at}.{media}.examples.{name}", example.Value, d => schema(d, media));
                }
            }
        }

        private static void Add(List<ExampleSite> sites, string location, JsonNode? value, Func<NSwagDocument, JsonSchema> schema)
        {
            if (value is not null)
            {
                sites.Add(new ExampleSite(location, value.ToJsonString(), schema));
            }
        }
    }
}
