using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.ContractTests;

/// <summary>Where Prism and Node are, and where Prism's logs go.</summary>
/// <param name="Node">The node executable.</param>
/// <param name="PrismCli">prism-cli's dist/index.js.</param>
/// <param name="ExitWithParent">A script node preloads into Prism so that it exits when this process is gone; null for none.</param>
/// <param name="Spec">The OpenAPI document.</param>
/// <param name="LogDirectory">Where prism-&lt;phase&gt;.log goes.</param>
/// <param name="ReadyTimeout">How long Prism may take to listen.</param>
internal sealed record PrismSettings(string Node, string PrismCli, string? ExitWithParent, string Spec, string LogDirectory, TimeSpan ReadyTimeout);

/// <summary>
/// One Prism server as a child process: <c>node prism-cli/dist/index.js mock|proxy SPEC [UPSTREAM] --host 127.0.0.1
/// --port FREE --errors</c>. Starting waits until the port accepts connections; every line Prism prints is kept (and
/// written to a log file) so that <see cref="Violations"/> can read it. <see cref="Dispose"/> kills the whole process
/// tree, and so does this process's exit (normal, Ctrl+C, SIGTERM, SIGHUP); if this process is killed outright
/// (SIGKILL), Prism sees its stdin close and exits by itself. No Prism outlives a run.
/// </summary>
internal sealed partial class PrismProcess : IDisposable
{
    private const int StartAttempts = 3;

    private static readonly object LiveGate = new();
    private static readonly HashSet<PrismProcess> Live = new();
    private static readonly List<PosixSignalRegistration> SignalRegistrations = new();

    private readonly Process _process;
    private readonly object _linesGate = new();
    private readonly List<string> _lines = new();
    private readonly StreamWriter _log;
    private bool _logClosed;
    private bool _disposed;
    private bool _exitedByItself;

    static PrismProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            // The handler kills Prism and lets the signal's default action (ending this process) go on.
            SignalRegistrations.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
        }
    }

    private PrismProcess(PrismSettings settings, string name, IReadOnlyList<string> command, int port)
    {
        Name = name;
        Port = port;
        Directory.CreateDirectory(settings.LogDirectory);
        LogPath = Path.Combine(settings.LogDirectory, $"prism-{name}.log");
        _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };

        var start = new ProcessStartInfo(settings.Node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(settings.Spec)!,
        };
        if (settings.ExitWithParent is { } watchdog)
        {
            start.ArgumentList.Add("--require");
            start.ArgumentList.Add(watchdog);
        }

        start.ArgumentList.Add(settings.PrismCli);
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--host");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A request or response that breaks the spec gets an error answer (and a log line) instead of passing through.
        start.ArgumentList.Add("--errors");
        // Plain text logs: no ANSI colours to strip before matching lines.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        CommandLine = settings.Node + " " + string.Join(" ", start.ArgumentList);
        _log.WriteLine("# " + CommandLine);

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        lock (LiveGate)
        {
            Live.Add(this);
        }

        _process.Start();
        // stdin stays open and unused: when this process ends, however it ends, the pipe closes and the preloaded
        // script ends Prism (see ExitWithParent).
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>"mock" or "proxy", for messages and the log file's name.</summary>
    public string Name { get; }

    /// <summary>The loopback port Prism listens on.</summary>
    public int Port { get; }

    /// <summary>Prism's address, ending in "/" (its paths are the spec's paths: /Account/...).</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The file every line Prism printed is written to.</summary>
    public string LogPath { get; }

    /// <summary>How Prism was started.</summary>
    public string CommandLine { get; }

    /// <summary>Every line Prism printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_linesGate)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>Whether Prism ended on its own (a crash, a bad spec) rather than by <see cref="Dispose"/>.</summary>
    public bool ExitedByItself => _disposed ? _exitedByItself : _process.HasExited;

    /// <summary>Starts Prism on a free loopback port and waits until it accepts connections.</summary>
    /// <param name="settings">Node, Prism, spec, log folder, start-up timeout.</param>
    /// <param name="name">"mock" or "proxy".</param>
    /// <param name="command">Prism's command and positionals, such as <c>proxy spec.yaml http://127.0.0.1:1234/v1</c>.</param>
    public static async Task<PrismProcess> StartAsync(PrismSettings settings, string name, IReadOnlyList<string> command)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prism = new PrismProcess(settings, name, command, FreeLoopbackPort());
            try
            {
                var started = Stopwatch.StartNew();
                await prism.WaitUntilListeningAsync(settings.ReadyTimeout).ConfigureAwait(false);
                Console.WriteLine($"  Prism {name} listening on {prism.BaseUrl} after {started.Elapsed.TotalSeconds:0.0} s (log: {prism.LogPath})");
                return prism;
            }
            catch (PrismStartException) when (attempt < StartAttempts && prism.Lines.Any(l => l.Contains("EADDRINUSE", StringComparison.Ordinal)))
            {
                // Someone took the port between our probe and Prism's bind: try another.
                prism.Dispose();
            }
            catch
            {
                prism.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// What Prism reported as wrong, each with the request it belongs to: its violation lines ("Violation: ..."), the
    /// errors it answered with ("Request terminated with error: ..."), and every other line logged at warning, error
    /// or fatal level. Prism logs each request's lines in order after its "Request received" line, and the client
    /// sends one request at a time (no retries), so the grouping is exact.
    /// </summary>
    public IReadOnlyList<(string Request, string Line)> Violations()
    {
        var found = new List<(string, string)>();
        var request = "(before any request)";
        foreach (var line in Lines)
        {
            var received = RequestReceived().Match(line);
            if (received.Success)
            {
                request = received.Groups["method"].Value.ToUpperInvariant() + " " + received.Groups["path"].Value;
                continue;
            }

            if (line.Contains("Violation:", StringComparison.Ordinal)
                || line.Contains("Request terminated with error", StringComparison.Ordinal)
                || ComplaintLevel().IsMatch(line))
            {
                found.Add((request, line.Trim()));
            }
        }

        return found;
    }

    /// <summary>
    /// Waits until Prism has printed what it has to say about the last request (it logs an error answer just after
    /// sending it), then kills the process tree and reads its output to the end.
    /// </summary>
    public async Task StopAsync()
    {
        var quiet = TimeSpan.FromMilliseconds(300);
        var deadline = Stopwatch.StartNew();
        var count = Lines.Count;
        while (deadline.Elapsed < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(quiet).ConfigureAwait(false);
            var now = Lines.Count;
            if (now == count)
            {
                break;
            }

            count = now;
        }

        Dispose();
    }

    /// <summary>Kills Prism and every process it started, then waits for its output to end.</summary>
    public void Dispose()
    {
        lock (LiveGate)
        {
            if (!Live.Remove(this))
            {
                return;
            }
        }

        _exitedByItself = _process.HasExited;
        _disposed = true;
        Kill();
        // After the kill nothing holds the pipes open: the parameterless wait returns once all output has been read.
        if (!Task.Run(() => _process.WaitForExit()).Wait(TimeSpan.FromSeconds(10)))
        {
            Console.Error.WriteLine($"  Prism {Name} (pid {_process.Id}): its output did not end within 10 s of the kill.");
        }

        lock (_linesGate)
        {
            _logClosed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private static void KillAll()
    {
        PrismProcess[] live;
        lock (LiveGate)
        {
            live = Live.ToArray();
        }

        foreach (var prism in live)
        {
            prism.Kill();
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new PrismStartException($"Prism {Name} exited with code {_process.ExitCode} before listening on port {Port}:\n  " + string.Join("\n  ", Lines.TakeLast(30)));
            }

            using (var client = new TcpClient())
            {
                try
                {
                    using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, Port, attempt.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                }
            }

            if (waited.Elapsed > timeout)
            {
                throw new PrismStartException($"Prism {Name} did not listen on port {Port} within {timeout.TotalSeconds:0} s:\n  " + string.Join("\n  ", Lines.TakeLast(30)));
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesGate)
        {
            _lines.Add(line);
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // "[6:58:50 PM] › [HTTP SERVER] get /Account/MA.../Powerpack/<uuid>/ ℹ  info      Request received"
    [GeneratedRegex(@"\[HTTP SERVER\] (?<method>[a-z]+) (?<path>\S+) .*Request received")]
    private static partial Regex RequestReceived();

    // Prism's (signale's) level column: "✖  error     ...", "⚠  warning   ...", "✖  fatal     ...".
    [GeneratedRegex(@"\s(error|warning|fatal)\s{2,}")]
    private static partial Regex ComplaintLevel();
}

/// <summary>Prism did not come up.</summary>
internal sealed class PrismStartException : Exception
{
    public PrismStartException(string message)
        : base(message)
    {
    }
}
