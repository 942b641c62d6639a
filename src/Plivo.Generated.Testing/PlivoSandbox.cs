using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Plivo.Generated.Testing;

/// <summary>
/// An in-process fake of Plivo's Powerpack Number Pool API on loopback (a random port on 127.0.0.1), for tests and
/// samples. It checks Basic auth, holds Powerpacks and their pools, and answers add, find, list and remove the way
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
    private readonly WireMockServer _server;
    private readonly SandboxState _state = new();
    private readonly SandboxRouter _router;
    private readonly object _requestsGate = new();
    private readonly List<SandboxRequest> _requests = new();

    private PlivoSandbox(string authId, string authToken)
    {
        AuthId = authId;
        AuthToken = authToken;
        _router = new SandboxRouter(_state, authId, authToken);
        (_server, var port) = StartOnFreeLoopbackPort();
        _server
            .Given(Request.Create().UsingAnyMethod().WithPath(_ => true))
            .RespondWith(Response.Create().WithCallback(Respond));
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/");
    }

    private static WireMockServerSettings Settings(int port) => new()
    {
        Urls = new[] { $"http://127.0.0.1:{port}" },
        StartAdminInterface = false,
        ReadStaticMappings = false,
        Logger = new WireMockNullLogger(),
        // The sandbox keeps its own record (Requests); WireMock's log only needs to stay small.
        MaxRequestLogCount = 16,
        // Keep the body as the text that arrived, whatever its content type.
        DisableJsonBodyParsing = true,
    };

    // Another process may take the free port between our probe and WireMock's bind: try a few ports before giving up.
    private static (WireMockServer Server, int Port) StartOnFreeLoopbackPort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                return (WireMockServer.Start(Settings(port)), port);
            }
            catch (Exception) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Starts a sandbox with the given credentials, or fresh random ones (an Auth ID shaped like Plivo's).</summary>
    /// <param name="authId">The Auth ID requests must carry; null makes one up.</param>
    /// <param name="authToken">The Auth Token requests must carry; null makes one up.</param>
    public static PlivoSandbox Start(string? authId = null, string? authToken = null) =>
        new(authId ?? "MA" + RandomText(18), authToken ?? RandomText(40));

    /// <summary>The Auth ID the sandbox accepts.</summary>
    public string AuthId { get; }

    /// <summary>The Auth Token the sandbox accepts.</summary>
    public string AuthToken { get; }

    /// <summary>The sandbox's base URL, such as <c>http://127.0.0.1:54321/v1/</c>: put it in <see cref="PlivoClientOptions.BaseUrl"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The operationIds of the spec this sandbox serves (one route each).</summary>
    public static IReadOnlyCollection<string> ServedOperations => SandboxRoutes.Handlers.Keys.ToList();

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.ToArray();
            }
        }
    }

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
    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>Shows the base URL and Auth ID; never the token.</summary>
    public override string ToString() => $"PlivoSandbox(BaseUrl={BaseUrl}, AuthId={AuthId})";

    private IResponseMessage Respond(IRequestMessage message)
    {
        var request = Read(message);
        var answer = _router.Handle(request, out var operationId);
        Record(request.Answered(operationId, answer.StatusCode));
        return new ResponseMessage
        {
            StatusCode = answer.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = answer.Json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }

    private static SandboxRequest Read(IRequestMessage message)
    {
        var url = new Uri(message.AbsoluteUrl);
        var headers = (message.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = string.IsNullOrEmpty(message.Body) ? null : message.Body;
        return new SandboxRequest(message.Method.ToUpperInvariant(), url.AbsolutePath, url.Query, headers, body);
    }

    private void Record(SandboxRequest request)
    {
        lock (_requestsGate)
        {
            _requests.Add(request);
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

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
