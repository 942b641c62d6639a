using System;
using System.Text;
using NUnit.Framework;
using Plivo.Generated.Http;

namespace Plivo.Generated.Tests;

/// <summary>The api_id a traced call reads from its answer without parsing it: only the top-level key of an object counts.</summary>
public sealed class ApiIdTests
{
    [TestCase("""{"api_id":"a1","number":"1"}""", "a1")]
    [TestCase(""" { "number" : "1" , "api_id" : "b2" } """, "b2")]
    [TestCase("""{"meta":{"api_id":"nested"},"objects":[{"api_id":"item"}],"api_id":"top"}""", "top")]
    [TestCase("""{"objects":[{"api_id":"item"}]}""", null)]
    [TestCase("""{"note":"the \"api_id\":\"fake\" inside a string","api_id":"real"}""", "real")]
    [TestCase("""{"api_id":5}""", null)]
    [TestCase("""{"api_id":"esc\"aped"}""", null)]
    [TestCase("""["api_id","x"]""", null)]
    [TestCase("""<html>api_id</html>""", null)]
    [TestCase("""{"api_id":"unterminated""", null)]
    [TestCase("", null)]
    public void Finds_the_top_level_string_value(string json, string? expected)
    {
        var bytes = Encoding.UTF8.GetBytes("xx" + json + "yy");

        Assert.That(ApiId.Find(new ArraySegment<byte>(bytes, 2, bytes.Length - 4)), Is.EqualTo(expected));
    }
}
