using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Plivo.Generated.SdkInterop;

/// <summary>
/// interop.mjs as a child process: its output is streamed line by line to this console as it comes; it is killed (with
/// any process it started) on a timeout, and when this process is stopped (Ctrl+C, SIGTERM, SIGQUIT, SIGHUP: node is
/// killed and <see cref="WaitAsync"/> returns the signal; or an ordinary exit). If this process is killed outright
/// (SIGKILL), node sees its stdin close (<c>--exit-with-stdin</c>) and exits by itself. No node outlives a run.
/// </summary>
internal sealed class NodeChild : IDisposable
{
    private readonly Process _process;
    private readonly List<PosixSignalRegistration> _signals = new();
    private readonly TaskCompletionSource<PosixSignal> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _killed;

    private NodeChild(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Write(Console.Out, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(Console.Error, e.Data);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            // Kill node and let WaitAsync return, which ends this process with the signal's exit code.
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _stopped.TrySetResult(context.Signal);
                Kill();
            }));
        }

        _process.Start();
        // stdin stays open and unused: its end-of-file tells node that this process is gone.
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="node"/> with <paramref name="arguments"/> and <paramref name="environment"/> added to this process's.</summary>
    public static NodeChild Start(string node, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        return new NodeChild(start);
    }

    /// <summary>Waits until the child exits, <paramref name="timeout"/> passes or this process gets a stop signal; kills it in the last two cases.</summary>
    public async Task<NodeOutcome> WaitAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(exited, _stopped.Task, Task.Delay(timeout)).ConfigureAwait(false);
        Kill();
        await DrainAsync().ConfigureAwait(false);
        // A signal kills node, so its exit may have been seen first: the signal is what ended the run.
        if (_stopped.Task.IsCompleted)
        {
            return new NodeOutcome(null, TimedOut: false, Signal: await _stopped.Task.ConfigureAwait(false));
        }

        return finished == exited ? new NodeOutcome(_process.ExitCode, TimedOut: false, Signal: null) : new NodeOutcome(null, TimedOut: true, Signal: null);
    }

    /// <summary>Kills the child if it still runs, and stops watching this process's signals.</summary>
    public void Dispose()
    {
        Kill();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _process.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1)
        {
            return;
        }

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
            // It exited between the check and the kill, or never started.
        }
    }

    // After the exit, the parameterless wait returns once all redirected output has been read.
    private Task DrainAsync() => Task.Run(() => _process.WaitForExit(10_000));

    private static void Write(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            writer.WriteLine(line);
        }
    }
}

/// <summary>How the child's run ended: its exit code, or a timeout, or a stop signal to this process (node killed in both).</summary>
internal sealed record NodeOutcome(int? ExitCode, bool TimedOut, PosixSignal? Signal);
