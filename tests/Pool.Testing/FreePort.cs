using System.Net;
using System.Net.Sockets;

namespace Pool.Testing;

/// <summary>Free TCP ports on loopback for servers the tests start.</summary>
/// <remarks>
/// Ports come from below the OS's ephemeral range (32768 and up on Linux), so the outgoing connections every test opens
/// cannot take a port between the check here and the server's bind; a port is never handed out twice by one process.
/// </remarks>
public static class FreePort
{
    private const int First = 12000;
    private const int Last = 32000;
    private static readonly HashSet<int> Given = [];
    private static readonly Lock GivenLock = new();

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            lock (GivenLock)
            {
                if (Given.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                Given.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port found between {First} and {Last}");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
