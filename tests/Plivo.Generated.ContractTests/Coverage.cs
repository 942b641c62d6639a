using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NSwag;

namespace Plivo.Generated.ContractTests;

/// <summary>
/// Which operations of the spec a phase exercised, seen on the wire: every request the client sends passes
/// <see cref="Handler"/>, which matches it to the spec's operations (method and path template) and counts its answer as a
/// success (2xx) or an error. A phase passes only when every operation of the spec was exercised as it must be.
/// </summary>
internal sealed class Coverage
{
    private readonly IReadOnlyList<(string Id, string Method, Regex Path)> _operations;
    private readonly ConcurrentDictionary<string, (int Successes, int Errors)> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _unmatched = new();

    public Coverage(string specPath)
    {
        var document = OpenApiYamlDocument.FromFileAsync(specPath).GetAwaiter().GetResult();
        _operations = document.Paths
            .SelectMany(p => p.Value.Select(m => (m.Value.OperationId, m.Key.ToUpperInvariant(),
                new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"))))
            .ToList();
    }

    public IEnumerable<string> Operations => _operations.Select(o => o.Id);

    /// <summary>
    /// A handler for the client's <see cref="HttpClient"/>: it strips the account (<c>/Account/&lt;id&gt;</c>, the spec's
    /// server path, which Prism does not strip itself) so the path reaches Prism as the spec writes it, and records the answer.
    /// </summary>
    public DelegatingHandler Handler(string authId) => new Recorder(this, "/Account/" + authId);

    /// <summary>A failure per operation that was not exercised: no success, or (when <paramref name="needError"/>) no error case.</summary>
    public IEnumerable<(string Name, string? Failure)> Verdicts(bool needError)
    {
        foreach (var id in Operations)
        {
            var (successes, errors) = _seen.TryGetValue(id, out var seen) ? seen : (0, 0);
            var missing = new List<string>();
            if (successes == 0)
            {
                missing.Add("no successful call");
            }

            if (needError && errors == 0)
            {
                missing.Add("no error case");
            }

            yield return ($"{id} exercised ({successes} success, {errors} error)", missing.Count == 0 ? null : string.Join(" and ", missing) + " reached the wire");
        }

        yield return ("every request matched an operation of the spec", _unmatched.IsEmpty ? null : "unmatched: " + string.Join(", ", _unmatched.Distinct()));
    }

    private void Record(string method, string path, int status)
    {
        var operation = _operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path));
        if (operation.Id is null)
        {
            _unmatched.Add($"{method} {path}");
            return;
        }

        _seen.AddOrUpdate(operation.Id, _ => status is >= 200 and < 300 ? (1, 0) : (0, 1),
            (_, s) => status is >= 200 and < 300 ? (s.Successes + 1, s.Errors) : (s.Successes, s.Errors + 1));
    }

    private sealed class Recorder : DelegatingHandler
    {
        private readonly Coverage _coverage;
        private readonly string _account;

        public Recorder(Coverage coverage, string account)
            : base(new HttpClientHandler { AllowAutoRedirect = false })
        {
            _coverage = coverage;
            _account = account;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var path = uri.AbsolutePath.StartsWith(_account + "/", StringComparison.Ordinal) ? uri.AbsolutePath.Substring(_account.Length) : uri.AbsolutePath;
            request.RequestUri = new UriBuilder(uri) { Path = path }.Uri;

            // Prism 5.16.0's proxy forwards a DELETE's Content-Length but not its body, and the sandbox then waits for
            // bytes that never come; the spec makes those bodies optional, so the contract run sends none (that the
            // client sends them is checked by RequestShapeTests and by Plivo's own SDK against the sandbox).
            if (request.Method == HttpMethod.Delete)
            {
                request.Content = null;
            }
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _coverage.Record(request.Method.Method, path, (int)response.StatusCode);
            return response;
        }
    }
}
