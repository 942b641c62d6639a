using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace Plivo.Generated.Benchmarks;

/// <summary>Starts this same program again with other arguments (the stub server child, the cold-start children).</summary>
public static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var (file, prefix) = Command();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The apphost next to the dll, or dotnet exec with the dll.</summary>
    private static (string File, string[] Prefix) Command()
    {
        var dll = Assembly.GetEntryAssembly()!.Location;
        var apphost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null)!.TrimEnd('.');
        return File.Exists(apphost) ? (apphost, Array.Empty<string>()) : (Environment.ProcessPath ?? "dotnet", new[] { "exec", dll });
    }
}
