using System;
using System.Linq;

namespace Plivo.Generated.Tests.Support;

/// <summary>Sets process environment variables for the length of a using block, then restores them.</summary>
public sealed class EnvironmentVariables : IDisposable
{
    private readonly (string Name, string? Value)[] _saved;

    public EnvironmentVariables(params (string Name, string? Value)[] variables)
    {
        _saved = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
