namespace Plivo.Generated;

/// <summary>The generated client of a number pool's toll-free operations (tag <c>Tollfree</c> in the spec).</summary>
/// <remarks>This file is its hand-written half: the add's body written without Json.NET.</remarks>
public partial class TollfreeClient
{
    // The add's body is one of nine fixed texts ({"rent":false} in practice). They are written here byte for byte as
    // Json.NET writes them (TollfreeAddBodyTests compares all nine), so the first add of a process does not load and
    // JIT Json.NET's writer: about 50 ms of a cold start, measured (docs/benchmarks.md). When the application has set
    // JsonConvert.DefaultSettings, which the generated serializer honours, Json.NET writes the body as before.
    partial void WriteRequestBody(object? body, ref byte[]? json)
    {
        if (body is TollfreeAddRequest request && Newtonsoft.Json.JsonConvert.DefaultSettings is null)
        {
            json = AddBody(request);
        }
    }

    private static readonly byte[][] AddBodies = BuildAddBodies();

    /// <summary>The add's body for <paramref name="request"/>, or null when its service is not a defined value.</summary>
    internal static byte[]? AddBody(TollfreeAddRequest request)
    {
        var rent = request.Rent switch { null => 0, false => 1, true => 2 };
        var service = request.Service switch { null => 0, NumberService.Sms => 1, NumberService.Mms => 2, _ => -1 };
        return service < 0 ? null : AddBodies[(rent * 3) + service];
    }

    private static byte[][] BuildAddBodies()
    {
        var rents = new[] { null, "\"rent\":false", "\"rent\":true" };
        var services = new[] { null, "\"service\":\"sms\"", "\"service\":\"mms\"" };
        var bodies = new byte[9][];
        for (var r = 0; r < 3; r++)
        {
            for (var s = 0; s < 3; s++)
            {
                var members = rents[r] is null ? services[s] : services[s] is null ? rents[r] : rents[r] + "," + services[s];
                bodies[(r * 3) + s] = System.Text.Encoding.UTF8.GetBytes("{" + members + "}");
            }
        }

        return bodies;
    }
}
