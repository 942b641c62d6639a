using System;
using System.Linq;
using System.Text;

namespace Plivo.Generated.Testing;

/// <summary>
/// Answers one request the way Plivo does: checks Basic auth (401), finds the spec operation whose method and path
/// match (404 for no path, 405 for another method; every Plivo path ends with "/"), and hands it to that operation's
/// route in <see cref="SandboxRoutes"/>.
/// </summary>
internal sealed class SandboxRouter
{
    private readonly SandboxState _state;
    private readonly string _authId;
    private readonly string _expectedAuthorization;
    private readonly SandboxSpec _spec = SandboxSpec.Current;

    public SandboxRouter(SandboxState state, string authId, string authToken)
    {
        _state = state;
        _authId = authId;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken));
    }

    /// <summary>The operation <paramref name="request"/> matched, or null (also for a request that was refused before routing).</summary>
    public SandboxAnswer Handle(SandboxRequest request, out string? operationId)
    {
        operationId = null;
        request.Headers.TryGetValue("Authorization", out var authorization);
        if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
        {
            return SandboxAnswers.Error(401, "authentication failed");
        }

        // The server's path, /v1/Account/{auth_id}, with this sandbox's Auth ID in it.
        var prefix = _spec.ServerPath.Replace("{auth_id}", Uri.EscapeDataString(_authId));
        if (!request.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return request.Path.StartsWith("/v1/Account/", StringComparison.Ordinal)
                ? SandboxAnswers.Error(401, "authentication failed")
                : SandboxAnswers.Error(404, "not found");
        }

        // Some of Plivo's SDKs write "Number//?..." (the Node SDK's numbers list): an empty segment is no segment.
        var path = CollapseSlashes(request.Path.Substring(prefix.Length));
        var matches = _spec.Operations.Select(o => (Operation: o, Parameters: o.Match(path))).Where(m => m.Parameters is not null).ToList();
        if (matches.Count == 0)
        {
            return SandboxAnswers.Error(404, "not found");
        }

        var (operation, parameters) = matches.FirstOrDefault(m => m.Operation.Method == request.Method);
        if (operation is null)
        {
            return SandboxAnswers.Error(405, "method not allowed");
        }

        operationId = operation.Id;
        if (!SandboxRoutes.Handlers.TryGetValue(operation.Id, out var handler))
        {
            return SandboxAnswers.Error(501, $"the sandbox does not serve {operation.Id} yet");
        }

        return handler(new SandboxCall(operation, parameters!, request, _state, _authId));
    }

    private static string CollapseSlashes(string path)
    {
        while (path.Contains("//"))
        {
            path = path.Replace("//", "/");
        }

        return path;
    }
}
