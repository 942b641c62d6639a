// BuildChecks: the checks build.cake runs, each a command.
//   incremental            a no-op build of src/Plivo.Generated skips NSwag; a build after touching the spec runs it
//   recipes                docs/contract.md's "Add a field" and "Add an operation", proven on a temporary copy
//   build-loop --report P  times a spec edit against a hand-written edit (writes the Markdown section to P)
//   packages --packages D  checks the packed packages in D and runs the consumer projects against them
// Options: --configuration Debug|Release (default Debug), --keep (recipes: keep the copy).
using BuildChecks;

var command = args.FirstOrDefault() ?? "help";
var configuration = Options.Value(args, "--configuration") ?? "Debug";
var root = Repository.FindRoot();
try
{
    switch (command)
    {
        case "incremental":
            IncrementalCheck.Run(root, configuration);
            return 0;
        case "recipes":
            RecipeCheck.Run(root, configuration, keep: args.Contains("--keep"));
            return 0;
        case "build-loop":
            BuildLoop.Run(root, configuration, Options.Value(args, "--report") ?? Path.Combine(root, "artifacts", "benchmarks", "build-loop.md"));
            return 0;
        case "packages":
            PackageCheck.Run(root, Options.Value(args, "--packages") ?? Path.Combine(root, "artifacts", "packages"));
            return 0;
        default:
            Console.WriteLine(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "usage.txt")).Aggregate((a, b) => a + "\n" + b));
            return command == "help" ? 0 : 2;
    }
}
catch (CheckFailedException e)
{
    Console.Error.WriteLine($"{command}: FAILED: {e.Message}");
    return 1;
}
