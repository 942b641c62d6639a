namespace BuildChecks;

/// <summary>The generation rule, in the working tree: a build with nothing changed does not run NSwag; a build after a spec change does.</summary>
internal static class IncrementalCheck
{
    public static void Run(string root, string configuration)
    {
        Repository.BuildLibrary(root, configuration);
        var unchanged = Repository.BuildLibrary(root, configuration);
        if (Repository.Generations(unchanged) > 0)
        {
            throw new CheckFailedException("a build with nothing changed ran NSwag:\n" + string.Join("\n", unchanged.Lines.Where(l => l.Contains(Repository.GeneratorMarker, StringComparison.Ordinal))));
        }

        Console.WriteLine($"No-op build: NSwag did not run ({unchanged.Elapsed.TotalSeconds:0.0} s).");
        File.SetLastWriteTimeUtc(Path.Combine(root, Repository.Spec), DateTime.UtcNow);
        var afterSpecChange = Repository.BuildLibrary(root, configuration);
        var runs = Repository.Generations(afterSpecChange);
        if (runs == 0)
        {
            throw new CheckFailedException("a build after a spec change did not run NSwag");
        }

        Console.WriteLine($"Build after a spec change: NSwag ran {runs} time(s), once per target framework ({afterSpecChange.Elapsed.TotalSeconds:0.0} s).");
    }
}
