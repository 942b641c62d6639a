using System;
using System.Collections.Generic;
using System.Globalization;

namespace Plivo.Generated.Testing;

/// <summary>One request as a route handler sees it: the operation it matched, its path parameters, query and body, and the sandbox's state.</summary>
internal sealed class SandboxCall
{
    public SandboxCall(SpecOperation operation, IReadOnlyDictionary<string, string> path, SandboxRequest request, SandboxState state, string authId)
    {
        Operation = operation;
        Path = path;
        Request = request;
        State = state;
        AuthId = authId;
        Query = ParseQuery(request.Query);
    }

    public SpecOperation Operation { get; }

    /// <summary>The path parameters by the spec's names (decoded).</summary>
    public IReadOnlyDictionary<string, string> Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public SandboxRequest Request { get; }

    public SandboxState State { get; }

    public string AuthId { get; }

    /// <summary>The path of the account's resources as Plivo writes them in answers: <c>/v1/Account/&lt;auth_id&gt;/</c>.</summary>
    public string AccountPath => $"/v1/Account/{AuthId}/";

    public SandboxAnswer Ok(object model) => SandboxAnswers.Ok(Operation, model);

    public static SandboxAnswer Error(int status, string error) => SandboxAnswers.Error(status, error);

    /// <summary>A query parameter as an int in [min, max]; <paramref name="absent"/> when missing; false when malformed or out of range.</summary>
    public bool TryQueryInt(string name, int absent, int min, int max, out int value)
    {
        value = absent;
        if (!Query.TryGetValue(name, out var text))
        {
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>A boolean query parameter ("true"/"false"), read leniently where Plivo's SDKs send it in the body; false (with the problem) when malformed.</summary>
    public bool TryQueryBool(string name, ref bool value, ref string? problem)
    {
        if (!Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (text is "true" or "false")
        {
            value = text == "true";
            return true;
        }

        problem = $"{name} must be true or false";
        return false;
    }

    /// <summary>The path parameter as a uuid, or null when it is not one.</summary>
    public Guid? PathUuid(string name) =>
        Path.TryGetValue(name, out var text) && PlivoFormats.IsUuid(text) && Guid.TryParseExact(text, "D", out var uuid) ? uuid : null;

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            result[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
        }

        return result;
    }
}
