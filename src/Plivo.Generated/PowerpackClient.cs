namespace Plivo.Generated;

/// <summary>The generated client of the Powerpack operations (tag <c>Powerpack</c> in the spec).</summary>
/// <remarks>This file is its hand-written half: settings NSwag cannot take from nswag.json.</remarks>
public partial class PowerpackClient
{
    // "$type"/"$ref" in an answer are data, not Json.NET instructions (a non-string "$type" would otherwise throw NullReferenceException).
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) =>
        settings.MetadataPropertyHandling = Newtonsoft.Json.MetadataPropertyHandling.Ignore;

    partial void Initialize()
    {
        BaseUrl = Configuration.BaseUrl;
        // Read bodies as text so that a PlivoRestException keeps the raw body of an error answer.
        ReadResponseAsString = true;
    }
}
