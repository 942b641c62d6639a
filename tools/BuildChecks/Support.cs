using System.Diagnostics;
using System.Security.Cryptography;

namespace BuildChecks;

/// <summary>A check that did not hold; the message says what was seen.</summary>
internal sealed class CheckFailedException(string message) : Exception(message);

internal static class Options
{
    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

/// <summary>Runs a command and keeps everything it printed.</summary>
internal static class Shell
{
    public sealed record Result(int ExitCode, IReadOnlyList<string> Lines, TimeSpan Elapsed)
    {
        public string Tail(int count = 40) => string.Join("\n", Lines.TakeLast(count));
    }

    public static Result Run(string workingDirectory, string file, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new CheckFailedException($"could not start {file}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new Result(process.ExitCode, lines, clock.Elapsed);
    }

    /// <summary>Runs <c>dotnet</c>; a non-zero exit fails the check with the end of its output.</summary>
    public static Result Dotnet(string workingDirectory, string arguments, IDictionary<string, string>? environment = null)
    {
        var result = Run(workingDirectory, "dotnet", arguments, environment);
        if (result.ExitCode != 0)
        {
            throw new CheckFailedException($"dotnet {arguments} failed ({result.ExitCode}) in {workingDirectory}:\n{result.Tail()}");
        }

        return result;
    }
}

/// <summary>The repository: where it is, its files as git sees them, and throwaway copies of it.</summary>
internal static class Repository
{
    public const string Library = "src/Plivo.Generated/Plivo.Generated.csproj";
    public const string Spec = "spec/plivo-numberpool.yaml";
    public const string GeneratorMarker = "NSwag: generating";

    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PlivoGenerated.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new CheckFailedException("run it inside the repository (no PlivoGenerated.sln above the current folder)");
    }

    /// <summary>The files git knows (tracked, plus new ones not ignored), as they are on disk, copied into a new temp folder.</summary>
    public static string CopyToTemp(string root)
    {
        var listed = Shell.Run(root, "git", "-c core.quotePath=false ls-files --cached --others --exclude-standard");
        if (listed.ExitCode != 0 || listed.Lines.Count == 0)
        {
            throw new CheckFailedException($"git ls-files failed ({listed.ExitCode}) or listed nothing in {root}");
        }

        var copy = Path.Combine(Path.GetTempPath(), "plivo-regen-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in listed.Lines.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var source = Path.Combine(root, file);
            if (File.Exists(source))
            {
                var target = Path.Combine(copy, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        return copy;
    }

    /// <summary>SHA-256 of every file outside bin/, obj/ and node_modules/, by path relative to <paramref name="root"/>.</summary>
    public static Dictionary<string, string> Hashes(string root)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(d => d is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            hashes[relative] = Convert.ToHexString(SHA256.HashData(stream));
        }

        return hashes;
    }

    /// <summary>The files added, removed or changed between two <see cref="Hashes"/>.</summary>
    public static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(f => !before.TryGetValue(f, out var b) || !after.TryGetValue(f, out var a) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static Shell.Result BuildLibrary(string root, string configuration, bool restore = true, string? framework = null, bool mustSucceed = true)
    {
        var arguments = $"build {Library} --configuration {configuration} -nologo" + (restore ? "" : " --no-restore") + (framework is null ? "" : $" --framework {framework}");
        return mustSucceed ? Shell.Dotnet(root, arguments) : Shell.Run(root, "dotnet", arguments);
    }

    public static int Generations(Shell.Result build) => build.Lines.Count(l => l.Contains(GeneratorMarker, StringComparison.Ordinal));
}
