using System.Net;
using System.Net.Sockets;

namespace Pool.Testing;

/// <summary>Free TCP ports on loopback, chosen by the OS at run time.</summary>
public static class FreePort
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
