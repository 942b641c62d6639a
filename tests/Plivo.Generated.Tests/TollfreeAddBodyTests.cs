using System.Text;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Plivo.Generated.Tests;

/// <summary>The add's hand-written bodies are exactly what Json.NET writes with the generated client's settings.</summary>
public class TollfreeAddBodyTests
{
    [Test]
    public void Every_add_body_is_byte_for_byte_what_Json_NET_writes(
        [Values(null, false, true)] bool? rent,
        [Values(null, NumberService.Sms, NumberService.Mms)] NumberService? service)
    {
        var request = new TollfreeAddRequest { Rent = rent, Service = service };
        var settings = new JsonSerializerSettings { MetadataPropertyHandling = MetadataPropertyHandling.Ignore };

        var expected = JsonConvert.SerializeObject(request, settings);

        Assert.That(Encoding.UTF8.GetString(TollfreeClient.AddBody(request)!), Is.EqualTo(expected));
    }

    [Test]
    public void An_undefined_service_is_left_to_Json_NET() =>
        Assert.That(TollfreeClient.AddBody(new TollfreeAddRequest { Rent = false, Service = (NumberService)7 }), Is.Null);
}
