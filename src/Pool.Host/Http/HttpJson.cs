using System.Text.Json;

namespace Pool.Host.Http;

/// <summary>JSON settings of every HTTP answer: camelCase, indented for people reading with curl.</summary>
public static class HttpJson
{
    /// <summary>The shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
