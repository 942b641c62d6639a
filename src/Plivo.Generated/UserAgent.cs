using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Plivo.Generated;

/// <summary>Builds the User-Agent header: <c>PlivoGenerated/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;OS&gt;)[ suffix]</c>.</summary>
internal static class UserAgent
{
    /// <summary>The part that never changes within a process, computed once.</summary>
    private static readonly string Base =
        $"PlivoGenerated/{PackageVersion()} (.NET {Environment.Version}; {OperatingSystemName()})";

    public static string Create(string? suffix) => string.IsNullOrWhiteSpace(suffix) ? Base : Base + " " + suffix!.Trim();

    /// <summary>The package version without the source revision the SDK appends (<c>0.1.0+abc123</c> gives <c>0.1.0</c>).</summary>
    internal static string PackageVersion()
    {
        var assembly = typeof(UserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString()
                      ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    private static string OperatingSystemName()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "Windows";
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "macOS";
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return "Linux";
        return "Other";
    }
}
