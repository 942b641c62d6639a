using System.Text.Json;

namespace Plivo.Generated.SdkInterop;

/// <summary>
/// What the SDK cannot see but its DELETE bodies ask for: after the run, every number the SDK removed from a pool with
/// <c>unrent</c> true (a JSON boolean in Version 1, the string "true" in Version 2) has left the account, every one
/// removed with <c>unrent</c> false (or none) is still rented, and the spare Powerpack deleted with
/// <c>unrent_numbers</c> true took its pool's numbers out of the account. Read from the sandbox's request log and state
/// (through the control API), so it holds whichever numbers interop.mjs chose to spend.
/// </summary>
internal static class UnrentChecks
{
    /// <summary>Prints one ok/FAIL line per check and returns the number of failures.</summary>
    public static async Task<int> RunAsync(ControlClient sandbox, SeedData seed)
    {
        var rented = await sandbox.AccountNumbersAsync();
        var requests = await sandbox.RequestsAsync();
        var failed = 0;
        var checks = 0;
        void Check(string name, string? failure)
        {
            checks++;
            failed += failure is null ? 0 : 1;
            Console.WriteLine(failure is null ? $"ok   {name}" : $"FAIL {name}: {failure}");
        }

        foreach (var request in requests.Where(r => r is { Method: "DELETE", StatusCode: 200, OperationId: "Number_Remove" or "Tollfree_Remove" }))
        {
            var number = request.Path.TrimEnd('/').Split('/')[^1];
            var unrent = Flag(request.Body, "unrent");
            Check(
                $"sandbox: {request.OperationId} {number} with body {request.Body} {(unrent ? "unrented it" : "left it rented")}",
                rented.Contains(number) == !unrent ? null : $"the account {(unrent ? "still rents" : "no longer rents")} {number}");
        }

        var spareDelete = requests.FirstOrDefault(r => r is { Method: "DELETE", StatusCode: 200, OperationId: "Powerpack_Delete" } && r.Path.Contains(seed.SparePowerpack.Uuid, StringComparison.Ordinal));
        if (spareDelete is not null)
        {
            var unrent = Flag(spareDelete.Body, "unrent_numbers");
            var kept = Seed.SparePoolNumbers.Where(rented.Contains).ToList();
            Check(
                $"sandbox: Powerpack_Delete with body {spareDelete.Body} {(unrent ? "unrented" : "kept")} its pool's numbers",
                (kept.Count == 0) == unrent ? null : $"the account rents {string.Join(", ", kept)} after the delete");
        }

        if (checks == 0)
        {
            Check("sandbox: a remove or a delete reached the sandbox and succeeded", "none did");
        }

        Console.WriteLine($"SdkInterop (sandbox state after the run): {checks - failed} passed, {failed} failed");
        return failed;
    }

    // A flag as the SDK sends it: a JSON boolean or the string "true"/"false"; absent (or no body) is false.
    private static bool Flag(string? body, string name)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(name, out var value))
            {
                return false;
            }

            return value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
