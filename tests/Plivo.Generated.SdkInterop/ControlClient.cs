using System.Net.Http.Headers;
using System.Text.Json;

namespace Plivo.Generated.SdkInterop;

/// <summary>The sandbox's control API (<c>/__sandbox/</c>), the one way this program reads a sandbox, in process or the tool alike.</summary>
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlClient(Uri controlUrl, string? controlToken)
    {
        _http = new HttpClient { BaseAddress = controlUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (controlToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", controlToken);
        }
    }

    /// <summary>The request log, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync()
    {
        using var json = await GetAsync("requests");
        return json.RootElement.GetProperty("requests").EnumerateArray().Select(r => new LoggedRequest(
            r.GetProperty("method").GetString()!,
            r.GetProperty("path").GetString()!,
            r.GetProperty("query").GetString() ?? string.Empty,
            r.GetProperty("body").GetString(),
            r.GetProperty("status").GetInt32(),
            r.GetProperty("operation_id").GetString())).ToList();
    }

    /// <summary>Every number the account rents now: those in pools and those outside.</summary>
    public async Task<IReadOnlySet<string>> AccountNumbersAsync()
    {
        using var json = await GetAsync("state");
        var state = json.RootElement;
        var pooled = state.GetProperty("powerpacks").EnumerateArray()
            .SelectMany(p => p.GetProperty("numbers").EnumerateArray().Concat(p.GetProperty("tollfree").EnumerateArray()));
        return pooled.Concat(state.GetProperty("account_numbers").EnumerateArray())
            .Select(n => n.GetProperty("number").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>One entry of the request log.</summary>
internal sealed record LoggedRequest(string Method, string Path, string Query, string? Body, int StatusCode, string? OperationId);
