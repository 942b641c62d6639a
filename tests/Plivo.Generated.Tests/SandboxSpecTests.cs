using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Testing;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// The sandbox follows the spec: it serves every operation the spec declares (one route each, by operationId, at the
/// spec's path), and its answers carry every property the spec's schema declares, also one no handler sets.
/// </summary>
[TestFixture]
public sealed class SandboxSpecTests
{
    [Test]
    public void The_sandbox_serves_every_operation_of_the_spec()
    {
        var declared = SandboxSpec.Current.Operations.Select(o => o.Id).ToList();

        var unserved = declared.Except(PlivoSandbox.ServedOperations, StringComparer.Ordinal).ToList();
        var unknown = PlivoSandbox.ServedOperations.Except(declared, StringComparer.Ordinal).ToList();

        Assert.That(unserved, Is.Empty, "operations of the spec with no route in src/Plivo.Generated.Testing/SandboxRoutes.cs");
        Assert.That(unknown, Is.Empty, "routes for operations the spec does not declare");
    }

    [Test]
    public void The_embedded_spec_is_the_repository_spec() =>
        Assert.That(SandboxSpec.Current.Operations.Select(o => (o.Id, o.Method, o.Template)),
            Is.EquivalentTo(SandboxSpec.Parse(SpecFile.ReadText()).Operations.Select(o => (o.Id, o.Method, o.Template))));

    [Test]
    public void A_property_added_to_a_schema_appears_in_the_answers_with_its_example_or_a_default()
    {
        // The recipe "Add a field" on a copy of the spec: TollfreeNumber gains `alias` (with an example) and `weight` (none).
        const string schema = "    TollfreeNumber:\n      type: object\n      description: A toll-free number in a number pool.\n      additionalProperties: true\n      properties:\n";
        var yaml = SpecFile.ReadText().Replace(schema, schema +
            "        alias:\n          type: string\n          description: A name for the number.\n          example: support line\n" +
            "        weight:\n          type: integer\n          description: How often the pool picks it.\n", StringComparison.Ordinal);
        Assert.That(yaml, Does.Contain("alias:"), "the spec no longer has the TollfreeNumber schema this test edits");
        var spec = SandboxSpec.Parse(yaml);

        var add = JObject.Parse(SandboxAnswers.Ok(spec.Operation("Tollfree_Add"), new TollfreeNumber { Number = "18772209942" }).Json);
        var list = JObject.Parse(SandboxAnswers.Ok(spec.Operation("Tollfree_List"), new TollfreeNumberList
        {
            Meta = new ListMeta { Limit = 20 },
            Objects = new[] { new TollfreeNumber { Number = "18772209942" } },
        }).Json);

        Assert.Multiple(() =>
        {
            Assert.That((string?)add["number"], Is.EqualTo("18772209942"), "what the handler set stays");
            Assert.That((string?)add["alias"], Is.EqualTo("support line"), "a new property takes its example");
            Assert.That(add["weight"]?.Type, Is.EqualTo(JTokenType.Integer), "a new property without an example takes a default of its type");
            Assert.That((string?)list["objects"]![0]!["alias"], Is.EqualTo("support line"), "also inside a list");
            Assert.That(list["meta"]!["next"]?.Type, Is.EqualTo(JTokenType.Null), "a nullable property the handler left null is null");
        });
    }
}
