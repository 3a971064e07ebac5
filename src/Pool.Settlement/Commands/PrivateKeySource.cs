namespace Pool.Settlement.Commands;

/// <summary>Reads a private key from an environment variable or a key file; the key is never printed, only where it came from.</summary>
public static class PrivateKeySource
{
    /// <summary>
    /// The key from <paramref name="fileVariable"/> (a path; <paramref name="fileOverride"/> wins) or else <paramref name="valueVariable"/>;
    /// false with a message naming both variables when neither is set or the file cannot be read.
    /// </summary>
    public static bool TryRead(
        Func<string, string?> environment, string valueVariable, string fileVariable, string? fileOverride, out string key, out string error)
    {
        key = string.Empty;
        error = string.Empty;
        var path = fileOverride ?? environment(fileVariable);
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                key = File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"cannot read the key file {path} ({fileVariable}): {e.Message}";
                return false;
            }

            if (key.Length == 0)
            {
                error = $"the key file {path} ({fileVariable}) is empty";
                return false;
            }

            return true;
        }

        var value = environment(valueVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            key = value.Trim();
            return true;
        }

        error = $"no key: set {fileVariable} to a file holding the hex private key (or {valueVariable} to the key itself)";
        return false;
    }
}
