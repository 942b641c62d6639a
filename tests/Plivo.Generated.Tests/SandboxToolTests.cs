using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// plivo-sandbox, the tool, as a separate process (<c>dotnet plivo-sandbox.dll</c>, built next to the tests): its
/// arguments and exit codes, the JSON line, binding, a seed file, and stopping on SIGTERM within a second.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "SIGTERM")]
public sealed class SandboxToolTests
{
    [TestCase(new[] { "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [TestCase(new[] { "--port", "70000" }, "--port 70000 is not a port")]
    [TestCase(new[] { "--port", "x" }, "Cannot parse argument 'x' for option '--port'")]
    [TestCase(new[] { "--host", "0.0.0.0" }, "give --control-token")]
    [TestCase(new[] { "--host", "sandbox.example" }, "--host 'sandbox.example' is not an IP address")]
    [TestCase(new[] { "--auth-id", "MA/../x" }, "--auth-id 'MA/../x' must be 1 to 64 letters and digits")]
    [TestCase(new[] { "--seed", "/nonexistent/seed.json" }, "--seed /nonexistent/seed.json: no such file")]
    public async Task A_bad_argument_is_a_clear_error_and_exit_code_2(string[] args, string expected)
    {
        var run = await SampleProgram.RunAsync("plivo-sandbox.dll", args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StdErr, Does.Contain(expected), run.ToString());
        Assert.That(run.StdOut, Is.Empty, run.ToString());
    }

    [Test]
    public async Task A_malformed_seed_file_is_refused_at_start_with_the_JSON_path()
    {
        var seed = Path.GetTempFileName();
        await File.WriteAllTextAsync(seed, """{"powerpacks": [{"name": "a", "tollfree": ["1877-220"]}]}""");
        try
        {
            var run = await SampleProgram.RunAsync("plivo-sandbox.dll", "--seed", seed);

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StdErr, Does.Contain($"the seed file {seed} cannot be used: $.powerpacks[0].tollfree[0]: does not match"), run.ToString());
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Test]
    public async Task Help_documents_every_option_and_the_seed_schema_is_printable()
    {
        var help = await SampleProgram.RunAsync("plivo-sandbox.dll", "--help");
        var schema = await SampleProgram.RunAsync("plivo-sandbox.dll", "--seed-schema");

        Assert.That(help.ExitCode, Is.Zero, help.ToString());
        Assert.That(help.StdOut, Does.Contain("plivo-sandbox [options]"));
        foreach (var option in new[] { "--port", "--host", "--auth-id", "--auth-token", "--seed", "--strict", "--json", "--control-token", "--max-recorded-requests", "--seed-schema" })
        {
            Assert.That(help.StdOut, Does.Contain(option), option);
        }

        Assert.That(schema.ExitCode, Is.Zero);
        Assert.That(schema.StdOut.Trim(), Is.EqualTo(Testing.PlivoSandbox.SeedSchema.Trim()));
    }

    [Test]
    public async Task It_serves_its_seed_on_loopback_prints_one_JSON_line_and_stops_on_SIGTERM_within_a_second()
    {
        var seed = Path.Combine(TestContext.CurrentContext.TestDirectory, "example-seed.json");
        using var tool = ToolProcess.Start("--json", "--seed", seed, "--auth-id", "MAZDQ1ZJI0NDFMNZA0ZT");
        var line = await tool.FirstLineAsync();
        var announced = JObject.Parse(line);
        var baseUrl = new Uri((string)announced["base_url"]!);

        using (var api = new PlivoApi((string)announced["auth_id"]!, (string)announced["auth_token"]!, new PlivoClientOptions { BaseUrl = baseUrl }))
        {
            var powerpack = await api.Powerpacks.GetAsync("d35f2e82-d387-427f-8594-6fa07613c43a");
            Assert.That(powerpack.Name, Is.EqualTo("marketing"));
        }

        var stopped = tool.Terminate();

        Assert.Multiple(() =>
        {
            Assert.That(baseUrl.Host, Is.EqualTo("127.0.0.1"), "loopback by default");
            Assert.That((string?)announced["control_url"], Is.EqualTo($"http://127.0.0.1:{baseUrl.Port}/__sandbox/"));
            Assert.That((int)announced["pid"]!, Is.EqualTo(tool.Id));
            Assert.That(tool.ExitCode, Is.Zero, tool.Output);
            Assert.That(stopped, Is.LessThan(TimeSpan.FromSeconds(1)), $"stopped {stopped.TotalMilliseconds:0} ms after SIGTERM");
            Assert.That(tool.Output, Does.Contain("SIGTERM, stopping."));
        });
    }

    [Test]
    public async Task Beyond_loopback_it_warns_and_its_control_API_asks_for_the_token()
    {
        using var tool = ToolProcess.Start("--json", "--host", "0.0.0.0", "--control-token", "control-secret-1234", "--auth-token", "given-token-5678");
        var announced = JObject.Parse(await tool.FirstLineAsync());
        using var http = new HttpClient { BaseAddress = new Uri((string)announced["control_url"]!) };

        using var without = await http.GetAsync("state");
        using var with = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "state") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "control-secret-1234") } });
        tool.Terminate();

        Assert.Multiple(() =>
        {
            Assert.That((int)without.StatusCode, Is.EqualTo(401));
            Assert.That((int)with.StatusCode, Is.EqualTo(200));
            Assert.That(announced.ContainsKey("auth_token") && announced["auth_token"]!.Type != JTokenType.Null, Is.False, "a given token is not echoed");
            Assert.That(tool.Output, Does.Contain("warning: listening on 0.0.0.0, not loopback"));
            Assert.That(tool.Output, Does.Not.Contain("given-token-5678").And.Not.Contain("control-secret-1234"));
        });
    }

    /// <summary>The tool as a child process whose stdout and stderr are read as they come.</summary>
    private sealed class ToolProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Text.StringBuilder _output = new();

        private ToolProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Received(e.Data, stdout: true);
            _process.ErrorDataReceived += (_, e) => Received(e.Data, stdout: false);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public int ExitCode => _process.ExitCode;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static ToolProcess Start(params string[] args)
        {
            var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            startInfo.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "plivo-sandbox.dll"));
            foreach (var arg in args)
            {
                startInfo.ArgumentList.Add(arg);
            }

            return new ToolProcess(Process.Start(startInfo)!);
        }

        public async Task<string> FirstLineAsync()
        {
            var first = await Task.WhenAny(_firstLine.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.That(first, Is.SameAs(_firstLine.Task), "no line on stdout within 30 s: " + Output);
            return await _firstLine.Task;
        }

        /// <summary>Sends SIGTERM and waits for the exit; how long it took.</summary>
        public TimeSpan Terminate()
        {
            var watch = Stopwatch.StartNew();
            Assert.That(kill(_process.Id, 15), Is.Zero, "kill(SIGTERM)");
            Assert.That(_process.WaitForExit(10_000), Is.True, "still running 10 s after SIGTERM: " + Output);
            watch.Stop();
            _process.WaitForExit(); // the output readers drain
            return watch.Elapsed;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        private void Received(string? line, bool stdout)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (stdout)
            {
                _firstLine.TrySetResult(line);
            }
        }
    }
}
