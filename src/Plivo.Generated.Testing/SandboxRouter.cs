using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using System.Text;

namespace Plivo.Generated.Testing;

/// <summary>
/// Answers one request the way Plivo does: finds the spec operation whose method and path match (404 for no path, 405
/// for another method; every Plivo path ends with "/"), checks Basic auth (401), and hands it to that operation's
/// route in <see cref="SandboxRoutes"/>. An injected fault (<see cref="SandboxFaults"/>) that matches comes first; in
/// strict mode the request and the answer are held to the spec (<see cref="SandboxStrict"/>).
/// </summary>
internal sealed class SandboxRouter
{
    private readonly SandboxState _state;
    private readonly SandboxFaults _faults;
    private readonly bool _strict;
    private readonly string _authId;
    private readonly string _expectedAuthorization;
    private readonly SandboxSpec _spec = SandboxSpec.Current;

    public SandboxRouter(SandboxState state, SandboxFaults faults, string authId, string authToken, bool strict)
    {
        _state = state;
        _faults = faults;
        _strict = strict;
        _authId = authId;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken));
    }

    /// <summary>The answer, and the operation <paramref name="request"/> was answered as (null when it matched none or its credentials were wrong).</summary>
    public SandboxAnswer Handle(SandboxRequest request, out string? operationId)
    {
        // The server's path, /v1/Account/{auth_id}, with this sandbox's Auth ID in it.
        var prefix = _spec.ServerPath.Replace("{auth_id}", Uri.EscapeDataString(_authId)) + "/";
        // Some of Plivo's SDKs write "Number//?..." (the Node SDK's numbers list): an empty segment is no segment.
        var relative = request.Path.StartsWith(prefix, StringComparison.Ordinal) ? CollapseSlashes(request.Path.Substring(prefix.Length - 1)) : null;
        var matches = relative is null ? null : _spec.Operations.Select(o => (Operation: o, Parameters: o.Match(relative))).Where(m => m.Parameters is not null).ToList();
        var (operation, parameters) = matches?.FirstOrDefault(m => m.Operation.Method == request.Method) ?? default;
        operationId = operation?.Id;

        var fault = _faults.Take(operationId, request.Method, request.Path, relative);
        var answer = fault?.Status is { } status ? FaultAnswer(fault, status) : Answer(request, prefix, matches, operation, parameters, ref operationId);
        if (fault is not null)
        {
            answer = answer with { Delay = TimeSpan.FromMilliseconds(fault.DelayMs ?? 0), Close = fault.Close };
        }

        if (_strict && operation is not null && operationId is not null && !answer.Close && SandboxStrict.CheckAnswer(operation, answer) is { } violation)
        {
            return SandboxAnswers.Error(500, "sandbox answer breaks the spec (strict): " + violation);
        }

        return answer;
    }

    private SandboxAnswer Answer(SandboxRequest request, string prefix, List<(SpecOperation Operation, IReadOnlyDictionary<string, string>? Parameters)>? matches,
        SpecOperation? operation, IReadOnlyDictionary<string, string>? parameters, ref string? operationId)
    {
        request.Headers.TryGetValue("Authorization", out var authorization);
        if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
        {
            operationId = null;
            return SandboxAnswers.Error(401, "authentication failed");
        }

        if (matches is null)
        {
            return request.Path.StartsWith("/v1/Account/", StringComparison.Ordinal)
                ? SandboxAnswers.Error(401, "authentication failed")
                : SandboxAnswers.Error(404, "not found");
        }

        if (matches.Count == 0)
        {
            return SandboxAnswers.Error(404, "not found");
        }

        if (operation is null)
        {
            return SandboxAnswers.Error(405, "method not allowed");
        }

        if (!SandboxRoutes.Handlers.TryGetValue(operation.Id, out var handler))
        {
            return SandboxAnswers.Error(501, $"the sandbox does not serve {operation.Id} yet");
        }

        var call = new SandboxCall(operation, parameters!, request, _state, _authId);
        if (_strict && SandboxStrict.CheckRequest(operation, request, call.Path, call.Query) is { } violation)
        {
            return SandboxAnswers.Error(400, "request breaks the spec (strict): " + violation);
        }

        return handler(call);
    }

    private static SandboxAnswer FaultAnswer(SandboxFault fault, int status)
    {
        var body = fault.Body switch
        {
            null => SandboxAnswers.Error(status, $"fault injected by the sandbox ({fault})").Json,
            { Type: JTokenType.String } text => (string)text!,
            { } json => json.ToString(Formatting.None),
        };
        return new SandboxAnswer(status, body) { ContentType = fault.ContentType ?? "application/json", RetryAfter = fault.RetryAfter };
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
