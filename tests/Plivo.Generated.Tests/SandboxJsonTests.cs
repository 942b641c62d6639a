using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests;

/// <summary>
/// The spec's examples come out of the YAML reader with every scalar as text; the sandbox types them by their schema
/// before answering with them, or a client that reads JSON strictly would refuse <c>"true"</c> for a boolean.
/// </summary>
public sealed class SandboxJsonTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "sticky": { "type": "boolean" },
            "rent": { "oneOf": [ { "type": "boolean" }, { "type": "string", "enum": ["true", "false"] } ] },
            "count": { "type": "integer" },
            "ratio": { "type": "number" },
            "name": { "type": "string" },
            "items": { "type": "array", "items": { "type": "object", "properties": { "priority": { "type": "integer" } } } }
          }
        }
        """;

    [Test]
    public async Task An_examples_scalars_take_the_types_their_schema_declares()
    {
        var schema = await JsonSchema.FromJsonAsync(Schema);
        var example = JObject.Parse("""{"sticky":"true","rent":"false","count":"20","ratio":"0.5","name":"007","items":[{"priority":"1"}],"other":"true"}""");

        var typed = SandboxJson.Typed(example, schema);

        Assert.That(JToken.DeepEquals(typed, JObject.Parse("""{"sticky":true,"rent":false,"count":20,"ratio":0.5,"name":"007","items":[{"priority":1}],"other":"true"}""")), Is.True, typed.ToString());
    }

    [Test]
    public async Task Text_that_is_not_of_the_declared_type_is_left_as_it_is()
    {
        var schema = await JsonSchema.FromJsonAsync(Schema);

        var typed = SandboxJson.Typed(JObject.Parse("""{"sticky":"yes","count":"many"}"""), schema);

        Assert.That(JToken.DeepEquals(typed, JObject.Parse("""{"sticky":"yes","count":"many"}""")), Is.True, typed.ToString());
    }
}
