using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Plivo.Generated.ApiTests.Support;

/// <summary>One package's assembly for one target framework, e.g. <c>bin/Debug/net8.0/Plivo.Generated.dll</c>.</summary>
public sealed record PackageAssembly(string Package, string TargetFramework, string Path)
{
    public string ApprovedFileName => $"{Package}.{TargetFramework}.txt";

    public string ReceivedFileName => $"{Package}.{TargetFramework}.received.txt";

    public override string ToString() => $"{Package} ({TargetFramework})";
}

/// <summary>What the csproj wrote into this assembly's [AssemblyMetadata] at build time.</summary>
public static class BuildInfo
{
    private static readonly AssemblyMetadataAttribute[] Metadata =
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToArray();

    public static string RepoRoot { get; } = Value("RepoRoot");

    public static string ApprovalDirectory { get; } = Value("ApiApprovalDirectory");

    /// <summary>The pinned NSwag.MSBuild package's Net100 tools folder (its assemblies embed NSwag's own templates).</summary>
    public static string NSwagTools { get; } = Value("NSwagTools");

    /// <summary>The target framework is the output folder's name (<c>bin/&lt;configuration&gt;/&lt;tfm&gt;/</c>).</summary>
    public static IReadOnlyList<PackageAssembly> Assemblies { get; } = Metadata
        .Where(m => m.Key == "PublicApiAssemblies" && m.Value is not null)
        .SelectMany(m => m.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal)
        .Select(p => new PackageAssembly(
            System.IO.Path.GetFileNameWithoutExtension(p),
            System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(p)) ?? "",
            p))
        .OrderBy(a => a.Package, StringComparer.Ordinal)
        .ThenBy(a => a.TargetFramework, StringComparer.Ordinal)
        .ToArray();

    private static string Value(string key) =>
        Metadata.SingleOrDefault(m => m.Key == key)?.Value
        ?? throw new InvalidOperationException($"[assembly: AssemblyMetadata(\"{key}\", ...)] is not set by the csproj.");
}
