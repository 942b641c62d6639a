using System;

namespace Plivo.Generated.Testing;

/// <summary>A seed document that cannot be applied: malformed JSON, against the seed schema, or in conflict with itself or the sandbox's state. Nothing of it was applied.</summary>
public sealed class SandboxSeedException : FormatException
{
    internal SandboxSeedException(string jsonPath, string problem)
        : base($"{jsonPath}: {problem}")
    {
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>Where in the document the problem is, as a JSON path such as <c>$.powerpacks[1].numbers[0]</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }
}
