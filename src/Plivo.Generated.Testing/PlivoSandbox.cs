using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace Plivo.Generated.Testing;

/// <summary>
/// An in-process fake of Plivo's Powerpack Number Pool API on loopback (a free port on 127.0.0.1, Kestrel), for tests
/// and samples. It checks Basic auth, holds Powerpacks and their pools, and answers add, find, list and remove the way
/// Plivo does (401, 404, 400 for a bad or duplicate number, 405), shaped as the spec says.
/// <code>
/// using var sandbox = PlivoSandbox.Start();
/// var seeded = sandbox.AddPowerpack("marketing");
/// using var api = sandbox.CreateApi();
/// var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
/// await powerpack.NumberPool.Tollfree.AddAsync("18772209942");
/// </code>
/// </summary>
public sealed class PlivoSandbox : IDisposable
{
    private readonly SandboxState _state = new();
    private readonly SandboxRequestLog _log;
    private readonly SandboxHost _host;

    private PlivoSandbox(PlivoSandboxOptions options)
    {
        AuthId = options.AuthId ?? "MA" + RandomText(18);
        AuthToken = options.AuthToken ?? RandomText(40);
        _log = new SandboxRequestLog(options.MaxRecordedRequests);
        _host = new SandboxHost(new SandboxRouter(_state, AuthId, AuthToken), _log, options);
        BaseUrl = new Uri($"http://127.0.0.1:{_host.Port}/v1/");
    }

    /// <summary>Starts a sandbox with the given credentials, or fresh random ones (an Auth ID shaped like Plivo's).</summary>
    /// <param name="authId">The Auth ID requests must carry; null makes one up.</param>
    /// <param name="authToken">The Auth Token requests must carry; null makes one up.</param>
    public static PlivoSandbox Start(string? authId = null, string? authToken = null) =>
        Start(new PlivoSandboxOptions { AuthId = authId, AuthToken = authToken });

    /// <summary>Starts a sandbox as <paramref name="options"/> say (credentials, port, limits).</summary>
    /// <param name="options">The settings; copied.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static PlivoSandbox Start(PlivoSandboxOptions options)
    {
        var copy = (options ?? throw new ArgumentNullException(nameof(options))).Clone();
        copy.Validate();
        return new PlivoSandbox(copy);
    }

    /// <summary>The Auth ID the sandbox accepts.</summary>
    public string AuthId { get; }

    /// <summary>The Auth Token the sandbox accepts.</summary>
    public string AuthToken { get; }

    /// <summary>The sandbox's base URL, such as <c>http://127.0.0.1:54321/v1/</c>: put it in <see cref="PlivoClientOptions.BaseUrl"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The operationIds of the spec this sandbox serves (one route each).</summary>
    public static IReadOnlyCollection<string> ServedOperations => SandboxRoutes.Handlers.Keys.ToList();

    /// <summary>The requests received so far, oldest first (the newest <see cref="PlivoSandboxOptions.MaxRecordedRequests"/>, bodies cut to <see cref="PlivoSandboxOptions.MaxRecordedBodyLength"/>).</summary>
    public IReadOnlyList<SandboxRequest> Requests => _log.Snapshot();

    /// <summary>Options pointing at this sandbox: a copy of <paramref name="options"/> (left unchanged) with the sandbox's base URL.</summary>
    /// <param name="options">Settings to start from; null takes the defaults.</param>
    public PlivoClientOptions CreateOptions(PlivoClientOptions? options = null)
    {
        var result = options?.Clone() ?? new PlivoClientOptions();
        result.BaseUrl = BaseUrl;
        return result;
    }

    /// <summary>A <see cref="PlivoApi"/> with this sandbox's credentials and base URL.</summary>
    /// <param name="options">Further settings; the base URL is replaced by the sandbox's.</param>
    public PlivoApi CreateApi(PlivoClientOptions? options = null) => new(AuthId, AuthToken, CreateOptions(options));

    /// <summary>Seeds a Powerpack with an empty number pool, or one holding <paramref name="tollfreeNumbers"/>.</summary>
    /// <param name="name">The Powerpack's name.</param>
    /// <param name="tollfreeNumbers">Numbers already in the pool (service <c>sms</c>).</param>
    /// <returns>The uuids to reach it by.</returns>
    /// <exception cref="ArgumentException">A number is not a toll-free number, or appears twice.</exception>
    public SandboxPowerpack AddPowerpack(string name = "sandbox", IEnumerable<string>? tollfreeNumbers = null)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var numbers = (tollfreeNumbers ?? Array.Empty<string>()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            if (!PlivoFormats.IsPhoneNumber(number))
            {
                throw new ArgumentException($"'{number}' is not a toll-free number (2 to 15 ASCII digits, not starting with 0).", nameof(tollfreeNumbers));
            }

            if (!seen.Add(number))
            {
                throw new ArgumentException($"{number} appears more than once; a pool holds each number once.", nameof(tollfreeNumbers));
            }
        }

        return _state.AddPowerpack(name, numbers);
    }

    /// <summary>The numbers in a pool now, in the order they were added (empty for an unknown pool).</summary>
    /// <param name="numberPoolUuid">The pool's uuid.</param>
    public IReadOnlyList<string> NumbersIn(string numberPoolUuid) =>
        Guid.TryParseExact(numberPoolUuid, "D", out var pool) ? _state.Numbers(pool) : Array.Empty<string>();

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>Stops the server, within a second whatever connections clients hold.</summary>
    public void Dispose() => _host.Dispose();

    /// <summary>Shows the base URL and Auth ID; never the token.</summary>
    public override string ToString() => $"PlivoSandbox(BaseUrl={BaseUrl}, AuthId={AuthId})";

    private static string RandomText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var bytes = new byte[length];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return new string(bytes.Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
