using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace Plivo.Generated.Benchmarks;

/// <summary>Samples the 1-minute load average every 5 s while the benchmarks run.</summary>
public sealed class LoadSampler : IDisposable
{
    private readonly List<double> _samples = new();
    private readonly Timer _timer;

    private LoadSampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public readonly record struct Summary(double Min, double Mean, double Max, int Count);

    public static LoadSampler Start() => new();

    public static double? Read()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Sample()
    {
        if (Read() is { } value)
        {
            lock (_samples)
            {
                _samples.Add(value);
            }
        }
    }

    public Summary Stop()
    {
        _timer.Dispose();
        Sample();
        lock (_samples)
        {
            return _samples.Count == 0 ? new Summary(double.NaN, double.NaN, double.NaN, 0) : new Summary(_samples.Min(), _samples.Average(), _samples.Max(), _samples.Count);
        }
    }

    public void Dispose() => _timer.Dispose();
}
