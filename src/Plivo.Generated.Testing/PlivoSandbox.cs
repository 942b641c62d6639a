using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace Plivo.Generated.Testing;

/// <summary>
/// A stateful fake of Plivo's Powerpack API (a free port on 127.0.0.1 unless told otherwise, Kestrel), for tests and
/// samples, in process or as the <c>plivo-sandbox</c> tool. It checks Basic auth, holds Powerpacks, their pools, the
/// account's numbers and Plivo's inventory, and answers every operation of the spec the way Plivo does (401, 404, 400
/// for bad input, 405). It can be seeded from a document (<see cref="Seed"/>), reset, inspected, made to fail on purpose
/// (<see cref="InjectFault"/>) and held to the spec (<see cref="PlivoSandboxOptions.Strict"/>); the control API
/// (<see cref="ControlUrl"/>) does the same over HTTP.
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
    private readonly SandboxFaults _faults = new();
    private readonly SandboxRequestLog _log;
    private readonly SeedDocument? _startSeed;
    private readonly SandboxHost _host;

    private PlivoSandbox(PlivoSandboxOptions options)
    {
        AuthId = options.AuthId ?? "MA" + RandomText(18);
        AuthToken = options.AuthToken ?? RandomText(40);
        _log = new SandboxRequestLog(options.MaxRecordedRequests);
        if (options.Seed is not null)
        {
            _state.Apply(SandboxSeed.Read(options.Seed));
            // What Reset returns to: the seed as applied, with the uuids it made up, so a reset gives the same ones.
            _startSeed = SandboxSeed.Read(SandboxSeed.Write(_state.Snapshot()).ToString());
        }

        Strict = options.Strict;
        _host = new SandboxHost(new SandboxRouter(_state, _faults, AuthId, AuthToken, options.Strict), new SandboxControl(this, options.ControlToken), _log, options);
        var address = options.ListenAddress()!;
        var shown = address.Equals(System.Net.IPAddress.Any) ? System.Net.IPAddress.Loopback
            : address.Equals(System.Net.IPAddress.IPv6Any) ? System.Net.IPAddress.IPv6Loopback
            : address;
        var host = shown.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{shown}]" : shown.ToString();
        BaseUrl = new Uri($"http://{host}:{_host.Port}/v1/");
        ControlUrl = new Uri($"http://{host}:{_host.Port}{SandboxControl.Prefix}");
    }

    /// <summary>Starts a sandbox with the given credentials, or fresh random ones (an Auth ID shaped like Plivo's).</summary>
    /// <param name="authId">The Auth ID requests must carry; null makes one up.</param>
    /// <param name="authToken">The Auth Token requests must carry; null makes one up.</param>
    public static PlivoSandbox Start(string? authId = null, string? authToken = null) =>
        Start(new PlivoSandboxOptions { AuthId = authId, AuthToken = authToken });

    /// <summary>Starts a sandbox as <paramref name="options"/> say (credentials, address, port, seed, strictness, limits).</summary>
    /// <param name="options">The settings; copied.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="SandboxSeedException">The seed document is malformed; the message names its JSON path.</exception>
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

    /// <summary>The control API's base URL, such as <c>http://127.0.0.1:54321/__sandbox/</c>.</summary>
    public Uri ControlUrl { get; }

    /// <summary>Whether requests and answers are held to the spec (<see cref="PlivoSandboxOptions.Strict"/>).</summary>
    public bool Strict { get; }

    /// <summary>The JSON Schema of a seed document (also shipped as plivo-sandbox-seed.schema.json beside the tool).</summary>
    public static string SeedSchema => SandboxSeed.SchemaText;

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

    /// <summary>
    /// Seeds a Powerpack whose pool holds <paramref name="tollfreeNumbers"/>, <paramref name="numbers"/> (long codes) and
    /// <paramref name="shortcodes"/>, all in the account (service <c>sms</c>, country <c>US</c>).
    /// </summary>
    /// <param name="name">The Powerpack's name, unique in the sandbox; null makes one up.</param>
    /// <param name="tollfreeNumbers">Toll-free numbers already in the pool.</param>
    /// <param name="numbers">Numbers (long codes) already in the pool.</param>
    /// <param name="shortcodes">Shortcodes linked to the pool.</param>
    /// <returns>The uuids to reach it by.</returns>
    /// <exception cref="ArgumentException">A value is malformed or appears twice, or the name is taken.</exception>
    public SandboxPowerpack AddPowerpack(string? name = null, IEnumerable<string>? tollfreeNumbers = null, IEnumerable<string>? numbers = null, IEnumerable<string>? shortcodes = null)
    {
        var tollfree = Checked(tollfreeNumbers, PlivoFormats.IsPhoneNumber, "toll-free number (2 to 15 ASCII digits, not starting with 0)", nameof(tollfreeNumbers));
        var longCodes = Checked(numbers, PlivoFormats.IsPhoneNumber, "number (2 to 15 ASCII digits, not starting with 0)", nameof(numbers));
        var codes = Checked(shortcodes, PlivoFormats.IsShortcode, "shortcode (3 to 8 ASCII digits)", nameof(shortcodes));
        if (tollfree.Intersect(longCodes).FirstOrDefault() is { } both)
        {
            throw new ArgumentException($"{both} is given as a toll-free number and as a number; a pool holds each number once.", nameof(numbers));
        }

        var record = _state.CreatePowerpack(name ?? $"sandbox-{Guid.NewGuid():N}".Substring(0, 16), PowerpackSettings.Default)
            ?? throw new ArgumentException($"A Powerpack named '{name}' is already in the sandbox; names are unique, as on Plivo.", nameof(name));
        foreach (var number in tollfree)
        {
            _state.AddToPool(record.PoolUuid, number, "sms", "tollfree", rent: false);
        }

        foreach (var number in longCodes)
        {
            _state.AddToPool(record.PoolUuid, number, "sms", SandboxState.KindOf(number), rent: false);
        }

        foreach (var code in codes)
        {
            _state.AddShortcode(record.PoolUuid, code, "US");
        }

        return new SandboxPowerpack(record.Uuid.ToString("D"), record.PoolUuid.ToString("D"), record.Name);
    }

    /// <summary>Makes the account rent a number (one it could then add to a pool, or unrent).</summary>
    /// <param name="number">The number, E.164 without "+".</param>
    /// <param name="type">Its kind.</param>
    /// <param name="countryIso2">Its country.</param>
    /// <exception cref="ArgumentException">The number is malformed, or the account rents it already.</exception>
    public void AddAccountNumber(string number, NumberType type = NumberType.Fixed, string countryIso2 = "US")
    {
        Check(number, PlivoFormats.IsPhoneNumber, "number", nameof(number));
        if (!_state.AddAccountNumber(number, Kind(type), countryIso2))
        {
            throw new ArgumentException($"The account rents {number} already.", nameof(number));
        }
    }

    /// <summary>Offers a number in Plivo's inventory, for a phone-number search and a buy-and-add to find.</summary>
    /// <param name="number">The number, E.164 without "+".</param>
    /// <param name="type">Its kind.</param>
    /// <param name="countryIso2">Its country.</param>
    /// <param name="region">Its region or city, for a search by region.</param>
    /// <exception cref="ArgumentException">The number is malformed, rented by the account, or offered already.</exception>
    public void AddInventoryNumber(string number, NumberType type = NumberType.Fixed, string countryIso2 = "US", string? region = null)
    {
        Check(number, PlivoFormats.IsPhoneNumber, "number", nameof(number));
        if (!_state.AddInventoryNumber(new InventoryRecord(number, Kind(type), countryIso2, region)))
        {
            throw new ArgumentException($"{number} is rented by the account or offered already.", nameof(number));
        }
    }

    /// <summary>Links a shortcode to a pool (Plivo does this itself; its API has no add).</summary>
    /// <param name="numberPoolUuid">The pool's uuid.</param>
    /// <param name="shortcode">The shortcode, 3 to 8 digits.</param>
    /// <param name="countryIso2">Its country.</param>
    /// <exception cref="ArgumentException">The shortcode is malformed or linked already, or there is no such pool.</exception>
    public void AddShortcode(string numberPoolUuid, string shortcode, string countryIso2 = "US")
    {
        Check(shortcode, PlivoFormats.IsShortcode, "shortcode", nameof(shortcode));
        var added = Guid.TryParseExact(numberPoolUuid, "D", out var pool) ? _state.AddShortcode(pool, shortcode, countryIso2) : null;
        if (added is not true)
        {
            throw new ArgumentException(added is null ? $"There is no pool {numberPoolUuid}." : $"{shortcode} is linked to the pool already.", added is null ? nameof(numberPoolUuid) : nameof(shortcode));
        }
    }

    /// <summary>The numbers in a pool now (toll-free and long codes), in the order they were added (empty for an unknown pool).</summary>
    /// <param name="numberPoolUuid">The pool's uuid.</param>
    public IReadOnlyList<string> NumbersIn(string numberPoolUuid) =>
        Guid.TryParseExact(numberPoolUuid, "D", out var pool) ? _state.NumbersIn(pool) : Array.Empty<string>();

    /// <summary>The shortcodes linked to a pool now (empty for an unknown pool).</summary>
    /// <param name="numberPoolUuid">The pool's uuid.</param>
    public IReadOnlyList<string> ShortcodesIn(string numberPoolUuid) =>
        Guid.TryParseExact(numberPoolUuid, "D", out var pool) ? _state.ShortcodesIn(pool) : Array.Empty<string>();

    /// <summary>The numbers the account rents now, in order.</summary>
    public IReadOnlyList<string> AccountNumbers => _state.AccountNumbers();

    /// <summary>The numbers Plivo's inventory offers now, in order.</summary>
    public IReadOnlyList<string> InventoryNumbers => _state.InventoryNumbers();

    /// <summary>The Powerpacks in the sandbox now, oldest first.</summary>
    public IReadOnlyList<SandboxPowerpack> Powerpacks =>
        _state.Powerpacks().Select(p => new SandboxPowerpack(p.Uuid.ToString("D"), p.PoolUuid.ToString("D"), p.Name)).ToList();

    private static string Kind(NumberType type) => type switch
    {
        NumberType.Mobile => "mobile",
        NumberType.Tollfree => "tollfree",
        _ => "fixed",
    };

    private static void Check(string value, Func<string, bool> isValid, string what, string paramName)
    {
        if (value is null || !isValid(value))
        {
            throw new ArgumentException($"'{value}' is not a {what}.", paramName);
        }
    }

    private static List<string> Checked(IEnumerable<string>? values, Func<string, bool> isValid, string what, string paramName)
    {
        var list = (values ?? Array.Empty<string>()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in list)
        {
            if (value is null || !isValid(value))
            {
                throw new ArgumentException($"'{value}' is not a {what}.", paramName);
            }

            if (!seen.Add(value))
            {
                throw new ArgumentException($"{value} appears more than once; a pool holds each once.", paramName);
            }
        }

        return list;
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>
    /// Adds what a seed document holds (JSON, <see cref="SeedSchema"/>): Powerpacks with their pools' numbers, toll-free
    /// numbers and shortcodes, the account's numbers, the inventory. All or nothing.
    /// </summary>
    /// <param name="seedJson">The document.</param>
    /// <exception cref="SandboxSeedException">The document is malformed or conflicts with itself or the state; its <see cref="SandboxSeedException.JsonPath"/> says where. Nothing was added.</exception>
    public void Seed(string seedJson) => _state.Apply(SandboxSeed.Read(seedJson));

    /// <summary>The whole state now, as a seed document (JSON): seeding an empty sandbox with it gives the same state.</summary>
    public string ExportState() => ExportStateTree().ToString(Newtonsoft.Json.Formatting.Indented);

    /// <summary>The state as a seed document's tree (the control API's <c>GET state</c> writes it as it is).</summary>
    internal Newtonsoft.Json.Linq.JObject ExportStateTree() => SandboxSeed.Write(_state.Snapshot());

    /// <summary>Goes back to the state the sandbox started with (<see cref="PlivoSandboxOptions.Seed"/>, or empty), and forgets the requests and the faults.</summary>
    public void Reset()
    {
        _faults.Clear();
        _state.Clear();
        if (_startSeed is not null)
        {
            _state.Apply(_startSeed);
        }

        _log.Clear();
    }

    /// <summary>Makes the sandbox fail on purpose for the requests <paramref name="fault"/> matches (see <see cref="SandboxFault"/>).</summary>
    /// <param name="fault">The fault; copied.</param>
    /// <returns>The copy the sandbox keeps, as it stands now.</returns>
    /// <exception cref="ArgumentException">The fault is malformed; the message names the field.</exception>
    public SandboxFault InjectFault(SandboxFault fault) => _faults.Add(fault);

    /// <summary>The injected faults still active, oldest first, with the <see cref="SandboxFault.Times"/> each has left.</summary>
    public IReadOnlyList<SandboxFault> Faults => _faults.Snapshot();

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults() => _faults.Clear();

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
