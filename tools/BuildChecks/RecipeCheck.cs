using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BuildChecks;

/// <summary>
/// Proves the contract-first loop on a throwaway copy of the repository (the working tree is never touched): the
/// generation is incremental; docs/contract.md's "Add a field" and "Add an operation" change only the files they list
/// and work end to end (a probe program calls the new field and the new operation through PlivoApi against the
/// sandbox, and through AddPlivo); and a breaking rename fails the build with a compiler error naming the type.
/// </summary>
internal static class RecipeCheck
{
    private const string AcceptApi = "test tests/Plivo.Generated.ApiTests --configuration {0} -nologo";

    public static void Run(string root, string configuration, bool keep)
    {
        var total = Stopwatch.StartNew();
        var copy = Repository.CopyToTemp(root);
        var probe = copy + "-probe";
        Console.WriteLine($"Copied the repository's files to {copy}");
        try
        {
            var original = Repository.Hashes(copy);

            // 1. Incremental: the first build generates, a second one with nothing changed does not.
            var first = Repository.BuildLibrary(copy, configuration);
            var second = Repository.BuildLibrary(copy, configuration, restore: false);
            Require(Repository.Generations(first) > 0, "the first build of the fresh copy did not run NSwag");
            Require(Repository.Generations(second) == 0, "a build with nothing changed ran NSwag");
            RequireChanged(copy, original, [], "after two builds");
            Console.WriteLine($"1. No-op build: NSwag did not run ({second.Elapsed.TotalSeconds:0} s; the first build {first.Elapsed.TotalSeconds:0} s).");

            // 2. "Add a field": the spec, then the approved API.
            var step = Stopwatch.StartNew();
            Recipes.AddField(copy);
            AcceptApiChanges(copy, configuration);
            RequireChanged(copy, original, Recipes.FieldFiles, "after \"Add a field\"");
            var afterField = Repository.Hashes(copy);
            Console.WriteLine($"2. Add a field: only {string.Join(", ", Recipes.FieldFiles)} changed ({step.Elapsed.TotalSeconds:0} s).");

            // 3. "Add an operation": the spec, the approved API, one sandbox route and its handler.
            step.Restart();
            Recipes.AddOperation(copy);
            AcceptApiChanges(copy, configuration);
            RequireChanged(copy, afterField, Recipes.OperationFiles, "after \"Add an operation\"");
            Console.WriteLine($"3. Add an operation: only {string.Join(", ", Recipes.OperationFiles)} changed ({step.Elapsed.TotalSeconds:0} s).");

            // 4. Both work: the field reaches the client and the sandbox's answers; the operation is callable and served.
            step.Restart();
            var run = Probe.Run(copy, probe, configuration);
            Console.WriteLine($"4. The probe: {string.Join("; ", run.Lines.Where(l => l.StartsWith("probe:", StringComparison.Ordinal)))} ({step.Elapsed.TotalSeconds:0} s).");

            // 5. Renaming a schema the hand-written layer uses breaks the build, naming the type.
            step.Restart();
            const string used = "TollfreeNumber", renamed = "TollfreeNumberResource";
            Recipes.RenameSchema(copy, used, renamed);
            var broken = Repository.BuildLibrary(copy, configuration, restore: false, framework: "net10.0", mustSucceed: false);
            Require(broken.ExitCode != 0, $"renaming schema {used} to {renamed} did not break the build");
            var naming = broken.Lines
                .Select(l => Regex.Match(l, @"^\s*(?<file>[^(]+)\(\d+,\d+\): error (?<code>CS\d{4}): (?<message>.*?)(?: \[[^\]]*\])?$"))
                .Where(m => m.Success && m.Groups["message"].Value.Contains($"'{used}'", StringComparison.Ordinal) && !m.Groups["file"].Value.EndsWith(".g.cs", StringComparison.Ordinal))
                .Select(m => m.Value.Trim().Replace(copy, "<copy>", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Require(naming.Count > 0, $"the build failed, but with no compiler error in a hand-written file naming '{used}':\n{broken.Tail(30)}");
            Console.WriteLine($"5. Schema {used} renamed: the build fails with {naming.Count} error(s) naming it in hand-written files ({step.Elapsed.TotalSeconds:0} s), e.g.\n   {naming[0]}");
            Console.WriteLine($"recipes: passed in {total.Elapsed.TotalSeconds:0} s.");
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"Kept {copy} and {probe}");
            }
            else
            {
                foreach (var folder in new[] { copy, probe }.Where(Directory.Exists))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static void AcceptApiChanges(string copy, string configuration) =>
        Shell.Dotnet(copy, string.Format(System.Globalization.CultureInfo.InvariantCulture, AcceptApi, configuration), new Dictionary<string, string> { ["ACCEPT_API_CHANGES"] = "1" });

    private static void RequireChanged(string copy, Dictionary<string, string> before, IReadOnlyCollection<string> allowed, string when)
    {
        var changed = Repository.Changed(before, Repository.Hashes(copy));
        var unexpected = changed.Except(allowed, StringComparer.Ordinal).ToList();
        Require(unexpected.Count == 0, $"{when}, files beyond the recipe's changed (generated code belongs in obj/):\n  {string.Join("\n  ", unexpected)}");
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CheckFailedException(failure);
        }
    }
}
