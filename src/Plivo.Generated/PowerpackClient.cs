namespace Plivo.Generated;

/// <summary>The generated client of the Powerpack operations (tag <c>Powerpack</c> in the spec).</summary>
/// <remarks>This file is its hand-written half: settings NSwag cannot take from nswag.json.</remarks>
public partial class PowerpackClient
{
    partial void Initialize()
    {
        BaseUrl = Configuration.BaseUrl;
        // Read bodies as text so that a PlivoRestException keeps the raw body of an error answer.
        ReadResponseAsString = true;
    }
}
