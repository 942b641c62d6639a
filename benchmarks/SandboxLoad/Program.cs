// plivo-sandbox under load: the tool (plivo-sandbox.dll, built beside this program) runs as a process of its own;
// 64 concurrent loops each add a toll-free number to a seeded pool and remove it again, until 100,000 requests have
// been answered (adds and removes alike), then 100,000 more. Reported: requests/s overall and for the adds, latency
// percentiles, errors, and the tool's memory (working set) at start, after a warm-up and after each 100,000 requests,
// with the request log at its default cap (10,000): a log that grew would show in the second figure. Writes a Markdown section into docs/sandbox.md between its markers.
//
//   dotnet cake --target=SandboxLoad         (Release)
//   dotnet run -c Release --project benchmarks/SandboxLoad -- [--requests N] [--concurrency N] [--report PATH]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

var requests = int.Parse(Value("--requests") ?? "100000", CultureInfo.InvariantCulture);
var concurrency = int.Parse(Value("--concurrency") ?? "64", CultureInfo.InvariantCulture);
var report = Value("--report");
const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";

var seedFile = Path.Combine(Path.GetTempPath(), $"sandbox-load-{Guid.NewGuid():N}.json");
File.WriteAllText(seedFile, $$"""{"powerpacks": [{"name": "load", "number_pool_uuid": "{{PoolUuid}}"}]}""");
var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "plivo-sandbox.dll"), "--json", "--seed", seedFile })
{
    start.ArgumentList.Add(arg);
}

using var tool = Process.Start(start)!;
tool.ErrorDataReceived += (_, _) => { };
tool.BeginErrorReadLine();
using var announced = JsonDocument.Parse((await tool.StandardOutput.ReadLineAsync())!);
var baseUrl = new Uri(announced.RootElement.GetProperty("base_url").GetString()!);
var authId = announced.RootElement.GetProperty("auth_id").GetString()!;
var token = announced.RootElement.GetProperty("auth_token").GetString()!;
var controlUrl = new Uri(announced.RootElement.GetProperty("control_url").GetString()!);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{authId}:{token}")));
var pool = $"Account/{authId}/NumberPool/{PoolUuid}/Tollfree/";

var memoryAtStart = Memory(tool);
await Drive(20_000, "warm-up");
var memoryAfterWarmUp = Memory(tool);
var measured = await Drive(requests, "measured");
var memoryAfter = Memory(tool);
var again = await Drive(requests, "measured again");
var memoryAfterAgain = Memory(tool);
using var log = JsonDocument.Parse(await new HttpClient().GetStringAsync(new Uri(controlUrl, "requests")));
var logged = log.RootElement.GetProperty("requests").GetArrayLength();

Assert(kill(tool.Id, 15) == 0 && tool.WaitForExit(10_000), "the tool stopped on SIGTERM");
File.Delete(seedFile);

var text = string.Join("\n",
    $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet cake --target=SandboxLoad` on {Environment.ProcessorCount} cores, .NET {Environment.Version}; the load generator (this program, one HttpClient, {concurrency} connections) shares the machine with the tool.",
    "",
    "| measure | value |",
    "|---|---:|",
    $"| requests (adds and removes, half each), concurrency {concurrency} | {measured.Requests:N0} |",
    $"| requests/s (all) | **{measured.Requests / measured.Elapsed.TotalSeconds:N0}** |",
    $"| adds/s | {measured.Requests / 2 / measured.Elapsed.TotalSeconds:N0} |",
    $"| latency p50 / p99 / max | {measured.P(0.50):0.00} / {measured.P(0.99):0.00} / {measured.P(1.0):0.00} ms |",
    $"| errors (non-2xx or failed) | {measured.Errors + again.Errors} |",
    $"| requests/s over the next {again.Requests:N0} | {again.Requests / again.Elapsed.TotalSeconds:N0} |",
    $"| working set: at start / after 20,000 warm-up requests / after {measured.Requests:N0} more / after {again.Requests:N0} more again | {memoryAtStart} / {memoryAfterWarmUp} / **{memoryAfter}** / **{memoryAfterAgain}** MiB |",
    $"| requests held in the log (cap 10,000) | {logged:N0} |");
Console.WriteLine(text);
if (report is not null)
{
    var doc = File.ReadAllText(report);
    const string Begin = "<!-- sandbox-load:begin (written by benchmarks/SandboxLoad; do not edit by hand) -->";
    const string End = "<!-- sandbox-load:end -->";
    var from = doc.IndexOf(Begin, StringComparison.Ordinal);
    var to = doc.IndexOf(End, StringComparison.Ordinal);
    Assert(from >= 0 && to > from, $"{report} has the markers");
    File.WriteAllText(report, doc[..(from + Begin.Length)] + "\n" + text + "\n" + doc[to..]);
}

return measured.Errors + again.Errors == 0 ? 0 : 1;

async Task<Run> Drive(int total, string name)
{
    var next = 0;
    var errors = 0;
    var latencies = new List<double>[concurrency];
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = new List<double>();
        while (Interlocked.Add(ref next, 2) <= total)
        {
            // A number of this worker's own: 18 + 9 digits, unique per loop.
            var number = "18" + (worker * 10_000_000L + mine.Count).ToString("D9", CultureInfo.InvariantCulture);
            Interlocked.Add(ref errors, await Timed(HttpMethod.Post, number, """{"rent": false}""", mine));
            Interlocked.Add(ref errors, await Timed(HttpMethod.Delete, number, """{"unrent": false}""", mine));
        }
    }));
    watch.Stop();
    var all = latencies.SelectMany(l => l).Order().ToArray();
    Console.WriteLine($"{name}: {all.Length} requests in {watch.Elapsed.TotalSeconds:0.00} s, {errors} errors");
    return new Run(all.Length, watch.Elapsed, errors, all);
}

async Task<int> Timed(HttpMethod method, string number, string body, List<double> into)
{
    var watch = Stopwatch.StartNew();
    try
    {
        using var request = new HttpRequestMessage(method, pool + number + "/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        into.Add(watch.Elapsed.TotalMilliseconds);
        return response.IsSuccessStatusCode ? 0 : 1;
    }
    catch (HttpRequestException)
    {
        into.Add(watch.Elapsed.TotalMilliseconds);
        return 1;
    }
}

static long Memory(Process process)
{
    process.Refresh();
    return process.WorkingSet64 / (1024 * 1024);
}

static void Assert(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("failed: " + what);
    }
}

string? Value(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

[System.Runtime.InteropServices.DllImport("libc")]
static extern int kill(int pid, int signal);

internal sealed record Run(int Requests, TimeSpan Elapsed, int Errors, double[] SortedLatencies)
{
    public double P(double quantile) => SortedLatencies.Length == 0 ? 0 : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)(quantile * SortedLatencies.Length))];
}
