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
/// error and no warning (its default validation rules included), be OpenAPI 3.0, and declare the five operations the
/// client is built on, each at its path and method. Spectral and Redocly lint the same file (`dotnet cake
/// --target=LintSpec`); these tests keep the contract checked by `dotnet test` alone.
/// </summary>
[TestFixture]
public sealed class SpecTests
{
    private const string PowerpackPath = "/Account/{auth_id}/Powerpack/{powerpack_uuid}/";
    private const string ListPath = "/Account/{auth_id}/NumberPool/{number_pool_uuid}/Tollfree/";
    private const string NumberPath = "/Account/{auth_id}/NumberPool/{number_pool_uuid}/Tollfree/{toll_free_number}/";

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
    public void Spec_DeclaresExactlyTheFiveOperations_OnThreePaths()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Operations().Keys, Is.EquivalentTo(new[] { "Powerpack_Get", "Tollfree_Add", "Tollfree_Find", "Tollfree_List", "Tollfree_Remove" }));
            Assert.That(_result.Document!.Paths.Keys, Is.EquivalentTo(new[] { PowerpackPath, ListPath, NumberPath }));
        });
    }

    // ---- the checks above can fail ------------------------------------------------------------------------------------

    [Test]
    public void NegativeControl_AMissingRequiredField_IsADiagnosticError()
    {
        var broken = Mutate("  title: Plivo Powerpack Number Pool API\n", string.Empty);

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

    private static string Mutate(string find, string replacement)
    {
        var text = SpecFile.ReadText();
        Assert.That(text, Does.Contain(find), "the mutation no longer applies to the spec");
        return text.Replace(find, replacement, System.StringComparison.Ordinal);
    }
}
