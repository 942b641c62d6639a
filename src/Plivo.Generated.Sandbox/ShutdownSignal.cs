using System;
using System.Runtime.InteropServices;
using System.Linq;
using System.Threading;

namespace Plivo.Generated.Sandbox;

/// <summary>Waits for Ctrl+C, SIGINT, SIGTERM or SIGQUIT, and keeps the runtime from ending the process before the sandbox has stopped.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly ManualResetEventSlim _signalled = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // we stop, then return from Main
                Signal = context.Signal;
                _signalled.Set();
            }))
            .ToArray();
    }

    /// <summary>The signal that arrived.</summary>
    public PosixSignal? Signal { get; private set; }

    public void Wait() => _signalled.Wait();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _signalled.Dispose();
    }
}
