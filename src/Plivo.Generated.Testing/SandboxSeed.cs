using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Plivo.Generated.Testing;

/// <summary>
/// Reads a seed document (plivo-sandbox-seed.schema.json, embedded in this assembly and shipped beside the tool):
/// the JSON, then the schema, then what the schema cannot say (a name, uuid or number given twice). Every problem is
/// a <see cref="SandboxSeedException"/> naming its JSON path. <see cref="Write"/> turns a state back into a document.
/// </summary>
internal static class SandboxSeed
{
    public const string SchemaResourceName = "plivo-sandbox-seed.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(SchemaText).GetAwaiter().GetResult());

    /// <summary>The seed schema's text.</summary>
    public static string SchemaText
    {
        get
        {
            using var stream = typeof(SandboxSeed).Assembly.GetManifestResourceStream(SchemaResourceName)
                ?? throw new InvalidDataException($"The sandbox assembly lacks its embedded {SchemaResourceName}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The document <paramref name="json"/> holds, checked against the schema and itself.</summary>
    public static SeedDocument Read(string json)
    {
        JToken root;
        try
        {
            root = SandboxJson.Parse(json ?? throw new ArgumentNullException(nameof(json)));
        }
        catch (JsonReaderException e)
        {
            throw new SandboxSeedException(string.IsNullOrEmpty(e.Path) ? "$" : "$." + e.Path, $"not JSON: {e.Message}");
        }

        if (Schema.Value.Validate(root).OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition).FirstOrDefault() is { } error)
        {
            var deepest = Deepest(error);
            throw new SandboxSeedException(JsonPath(deepest.Path), Describe(deepest));
        }

        var document = new SeedDocument(
            Items(root, "powerpacks").Select(p => ReadPowerpack(p.Token, p.Path)).ToList(),
            Items(root, "account_numbers").Select(n => new SeedAccountNumber(n.Path, Text(n.Token, "number")!, Text(n.Token, "type") ?? "fixed", Text(n.Token, "country_iso2") ?? "US")).ToList(),
            Items(root, "inventory").Select(n => new SeedInventoryNumber(n.Path, Text(n.Token, "number")!, Text(n.Token, "type") ?? "fixed", Text(n.Token, "country_iso2") ?? "US", Text(n.Token, "region"))).ToList());
        CheckItself(document);
        return document;
    }

    /// <summary>A document that seeds an empty sandbox with <paramref name="state"/> (every field written out).</summary>
    public static JObject Write(SandboxStateSnapshot state) => new()
    {
        ["powerpacks"] = new JArray(state.Powerpacks.Select(p => new JObject
        {
            ["name"] = p.Record.Name,
            ["uuid"] = p.Record.Uuid.ToString("D"),
            ["number_pool_uuid"] = p.Record.PoolUuid.ToString("D"),
            ["sticky_sender"] = p.Record.Settings.StickySender,
            ["local_connect"] = p.Record.Settings.LocalConnect,
            ["application_type"] = p.Record.Settings.ApplicationType,
            ["application_id"] = p.Record.Settings.ApplicationId,
            ["number_priority"] = SandboxJson.FromModel(p.Record.Settings.NumberPriority),
            ["numbers"] = new JArray(p.Numbers.Where(n => n.Type != "tollfree").Select(n => new JObject { ["number"] = n.Number, ["type"] = n.Type, ["service"] = n.Service, ["country_iso2"] = n.CountryIso2 })),
            ["tollfree"] = new JArray(p.Numbers.Where(n => n.Type == "tollfree").Select(n => new JObject { ["number"] = n.Number, ["service"] = n.Service, ["country_iso2"] = n.CountryIso2 })),
            ["shortcodes"] = new JArray(p.Shortcodes.Select(s => new JObject { ["shortcode"] = s.Shortcode, ["country_iso2"] = s.CountryIso2 })),
        })),
        ["account_numbers"] = new JArray(state.AccountNumbers.Select(n => new JObject { ["number"] = n.Number, ["type"] = n.Type, ["country_iso2"] = n.CountryIso2 })),
        ["inventory"] = new JArray(state.Inventory.Select(n =>
        {
            var item = new JObject { ["number"] = n.Number, ["type"] = n.Type, ["country_iso2"] = n.CountryIso2 };
            if (n.Region is not null)
            {
                item["region"] = n.Region;
            }

            return item;
        })),
    };

    private static SeedPowerpack ReadPowerpack(JToken powerpack, string path)
    {
        var numbers = Items(powerpack, "numbers", path)
            .Select(n => new SeedPoolNumber(n.Path, Text(n.Token, "number")!, Text(n.Token, "type") ?? SandboxState.KindOf(Text(n.Token, "number")!), Text(n.Token, "service") ?? "sms", Text(n.Token, "country_iso2") ?? "US"))
            .Concat(Items(powerpack, "tollfree", path)
                .Select(n => new SeedPoolNumber(n.Path, Text(n.Token, "number")!, "tollfree", Text(n.Token, "service") ?? "sms", Text(n.Token, "country_iso2") ?? "US")))
            .ToList();
        var shortcodes = Items(powerpack, "shortcodes", path)
            .Select(s => new SeedShortcode(s.Path, Text(s.Token, "shortcode")!, Text(s.Token, "country_iso2") ?? "US"))
            .ToList();
        var applicationType = Text(powerpack, "application_type");
        var settings = new PowerpackSettings(
            (bool?)powerpack["sticky_sender"] ?? PowerpackSettings.Default.StickySender,
            (bool?)powerpack["local_connect"] ?? PowerpackSettings.Default.LocalConnect,
            applicationType?.ToUpperInvariant() ?? PowerpackSettings.Default.ApplicationType,
            Text(powerpack, "application_id") is { } id && id != "none" ? id : PowerpackSettings.Default.ApplicationId,
            (powerpack["number_priority"] is { } priority ? SandboxJson.ToModel<List<NumberPriority>>(priority) : null) ?? new List<NumberPriority>());
        return new SeedPowerpack(path, Text(powerpack, "name")!, Uuid(powerpack, "uuid"), Uuid(powerpack, "number_pool_uuid"), settings, numbers, shortcodes);
    }

    // What the schema cannot say: the document must not give a name, a uuid, a number or a shortcode twice.
    private static void CheckItself(SeedDocument document)
    {
        Unique(document.Powerpacks.Select(p => (p.Path + ".name", p.Name)), "a Powerpack named '{0}' is given already (names are unique)");
        Unique(document.Powerpacks.SelectMany(p => new[] { (p.Path + ".uuid", p.Uuid), (p.Path + ".number_pool_uuid", p.PoolUuid) })
            .Where(u => u.Item2 is not null).Select(u => (u.Item1, u.Item2!.Value.ToString("D"))), "the uuid {0} is given already");
        Unique(document.Powerpacks.SelectMany(p => p.Numbers).Select(n => (n.Path, n.Number)), "{0} is in a pool already (a number is in at most one pool)");
        foreach (var powerpack in document.Powerpacks)
        {
            Unique(powerpack.Shortcodes.Select(s => (s.Path, s.Shortcode)), "shortcode {0} is in this pool already");
        }

        Unique(document.AccountNumbers.Select(n => (n.Path, n.Number)), "{0} is listed already");
        Unique(document.Inventory.Select(n => (n.Path, n.Number)), "{0} is offered already");
        var rented = new HashSet<string>(document.Powerpacks.SelectMany(p => p.Numbers).Select(n => n.Number).Concat(document.AccountNumbers.Select(n => n.Number)), StringComparer.Ordinal);
        if (document.Inventory.FirstOrDefault(n => rented.Contains(n.Number)) is { } both)
        {
            throw new SandboxSeedException(both.Path, $"{both.Number} is rented by the account (in a pool or account_numbers), so Plivo cannot offer it");
        }
    }

    private static void Unique(IEnumerable<(string Path, string Value)> values, string problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in values)
        {
            if (!seen.Add(value))
            {
                throw new SandboxSeedException(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, value));
            }
        }
    }

    private static IEnumerable<(JToken Token, string Path)> Items(JToken parent, string name, string parentPath = "$") =>
        parent[name] is JArray items ? items.Select((item, i) => (item, $"{parentPath}.{name}[{i}]")) : Enumerable.Empty<(JToken, string)>();

    // A field of an object item, or the item itself when the schema let it be given as a bare string.
    private static string? Text(JToken item, string name) =>
        item.Type == JTokenType.String ? (name is "number" or "shortcode" ? (string?)item : null) : (string?)item[name];

    private static Guid? Uuid(JToken item, string name) => Text(item, name) is { } text ? Guid.Parse(text) : null;

    // NJsonSchema reports a failed oneOf at the item; the branch of the item's own JSON type says what is wrong inside it.
    private static ValidationError Deepest(ValidationError error)
    {
        if (error is ChildSchemaValidationError child)
        {
            var branch = child.Errors.Values.FirstOrDefault(errors => errors.Count > 0 && !errors.Any(e => e.Path == error.Path && IsTypeMismatch(e.Kind)));
            if (branch is not null)
            {
                return Deepest(branch.First());
            }
        }

        return error;
    }

    private static bool IsTypeMismatch(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected or ValidationErrorKind.ObjectExpected
        or ValidationErrorKind.ArrayExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected;

    private static string JsonPath(string? schemaPath)
    {
        var inner = (schemaPath ?? string.Empty).TrimStart('#', '/');
        return inner.Length == 0 ? "$" : "$." + inner;
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"the required field '{error.Property}' is missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not a field of the seed schema here",
        ValidationErrorKind.PatternMismatch => $"does not match {error.Schema?.Pattern} ({error.Schema?.Description ?? error.Schema?.ActualSchema.Description})",
        ValidationErrorKind.NotInEnumeration => $"must be one of {string.Join(", ", (error.Schema?.ActualSchema.Enumeration ?? new List<object?>()).Select(v => $"'{v}'"))}",
        ValidationErrorKind.StringExpected => "must be a string",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.ArrayExpected => "must be an array",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.StringTooShort => "must not be empty",
        ValidationErrorKind.NotOneOf => "must be a string or an object of the seed schema's shape",
        _ => $"breaks the seed schema ({error.Kind})",
    };
}

/// <summary>A seed document as read: each item keeps its JSON path, for the errors that only applying it finds.</summary>
internal sealed record SeedDocument(IReadOnlyList<SeedPowerpack> Powerpacks, IReadOnlyList<SeedAccountNumber> AccountNumbers, IReadOnlyList<SeedInventoryNumber> Inventory);

internal sealed record SeedPowerpack(string Path, string Name, Guid? Uuid, Guid? PoolUuid, PowerpackSettings Settings, IReadOnlyList<SeedPoolNumber> Numbers, IReadOnlyList<SeedShortcode> Shortcodes);

internal sealed record SeedPoolNumber(string Path, string Number, string Type, string Service, string CountryIso2);

internal sealed record SeedShortcode(string Path, string Shortcode, string CountryIso2);

internal sealed record SeedAccountNumber(string Path, string Number, string Type, string CountryIso2);

internal sealed record SeedInventoryNumber(string Path, string Number, string Type, string CountryIso2, string? Region);
