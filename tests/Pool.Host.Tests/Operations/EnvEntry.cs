namespace Pool.Host.Tests.Operations;

/// <summary>A container env entry of a manifest: its name, literal value, or the fieldRef / secretKeyRef it comes from.</summary>
public sealed record EnvEntry(string Name, string? Value, string? FieldPath, bool FromSecret);
