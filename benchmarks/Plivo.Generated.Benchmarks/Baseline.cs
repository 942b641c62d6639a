using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// The tightest hand-written code for the same job: one HttpClient for the process, the Basic header built once, the
/// request built by hand, the answer read as a stream and deserialized by one shared Newtonsoft.Json serializer into a
/// small POCO (dates parsed only where a property is a date, as our client does). No retries, no timeouts of its own,
/// no error mapping beyond EnsureSuccessStatusCode.
/// </summary>
public sealed class BaselineClient
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private static readonly byte[] RentFalse = Encoding.UTF8.GetBytes("{\"rent\":false}");

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _poolUrl;
    private readonly string _powerpackUrl;
    private readonly string _numbersUrl;

    /// <param name="http">The process's one HttpClient (a static in a real program; the benchmarks pass theirs).</param>
    /// <param name="baseUrl">Ends in "/v1/".</param>
    public BaselineClient(HttpClient http, string baseUrl, string authId, string authToken, string poolUuid)
    {
        _http = http;
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken)));
        _poolUrl = baseUrl + "Account/" + authId + "/NumberPool/" + poolUuid + "/Tollfree/";
        _numbersUrl = baseUrl + "Account/" + authId + "/NumberPool/" + poolUuid + "/Number/?limit=20&offset=0";
        _powerpackUrl = baseUrl + "Account/" + authId + "/Powerpack/";
    }

    /// <summary>POST .../Tollfree/{number}/ with {"rent":false}.</summary>
    public async Task<TollfreePoco> AddAsync(string number, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _poolUrl + number + "/");
        request.Headers.Authorization = _authorization;
        var content = new ByteArrayContent(RentFalse);
        content.Headers.ContentType = JsonType;
        request.Content = content;
        return await SendAsync<TollfreePoco>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET .../Tollfree/?limit=20&amp;offset=0.</summary>
    public async Task<TollfreeListPoco> ListAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _poolUrl + "?limit=20&offset=0");
        request.Headers.Authorization = _authorization;
        return await SendAsync<TollfreeListPoco>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET .../Powerpack/{uuid}/.</summary>
    public async Task<PowerpackPoco> GetPowerpackAsync(string powerpackUuid, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _powerpackUrl + powerpackUuid + "/");
        request.Headers.Authorization = _authorization;
        return await SendAsync<PowerpackPoco>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET .../Powerpack/?limit=20&amp;offset=0.</summary>
    public async Task<PowerpackListPoco> ListPowerpacksAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _powerpackUrl + "?limit=20&offset=0");
        request.Headers.Authorization = _authorization;
        return await SendAsync<PowerpackListPoco>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET .../NumberPool/{uuid}/Number/?limit=20&amp;offset=0.</summary>
    public async Task<TollfreeListPoco> ListNumbersAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _numbersUrl);
        request.Headers.Authorization = _authorization;
        return await SendAsync<TollfreeListPoco>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
        return Serializer.Deserialize<T>(reader) ?? throw new InvalidDataException("empty answer");
    }
}

public sealed class TollfreePoco
{
    [JsonProperty("account_phone_number_resource")] public string? AccountPhoneNumberResource { get; set; }
    [JsonProperty("added_on")] public DateTime? AddedOn { get; set; }
    [JsonProperty("api_id")] public string? ApiId { get; set; }
    [JsonProperty("country_iso2")] public string? CountryIso2 { get; set; }
    [JsonProperty("number")] public string? Number { get; set; }
    [JsonProperty("number_pool_uuid")] public string? NumberPoolUuid { get; set; }
    [JsonProperty("service")] public string? Service { get; set; }
    [JsonProperty("type")] public string? Type { get; set; }
}

public sealed class PowerpackPoco
{
    [JsonProperty("api_id")] public string? ApiId { get; set; }
    [JsonProperty("application_id")] public string? ApplicationId { get; set; }
    [JsonProperty("application_type")] public string? ApplicationType { get; set; }
    [JsonProperty("created_on")] public string? CreatedOn { get; set; }
    [JsonProperty("local_connect")] public bool? LocalConnect { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("number_pool")] public string? NumberPool { get; set; }
    [JsonProperty("sticky_sender")] public bool? StickySender { get; set; }
    [JsonProperty("uuid")] public string? Uuid { get; set; }
}

public sealed class TollfreeListPoco
{
    [JsonProperty("api_id")] public string? ApiId { get; set; }
    [JsonProperty("meta")] public ListMetaPoco? Meta { get; set; }
    [JsonProperty("objects")] public List<TollfreePoco>? Objects { get; set; }
}

public sealed class PowerpackListPoco
{
    [JsonProperty("api_id")] public string? ApiId { get; set; }
    [JsonProperty("meta")] public ListMetaPoco? Meta { get; set; }
    [JsonProperty("objects")] public List<PowerpackPoco>? Objects { get; set; }
}

public sealed class ListMetaPoco
{
    [JsonProperty("limit")] public int Limit { get; set; }
    [JsonProperty("next")] public string? Next { get; set; }
    [JsonProperty("offset")] public int Offset { get; set; }
    [JsonProperty("previous")] public string? Previous { get; set; }
    [JsonProperty("total_count")] public int TotalCount { get; set; }
}
