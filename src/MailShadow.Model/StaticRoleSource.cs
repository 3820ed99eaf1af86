namespace MailShadow.Model;

/// <summary>A role source whose snapshot changes only when <see cref="Set"/> is called.</summary>
public sealed class StaticRoleSource(RoleSnapshot initial) : IRoleSource
{
    private RoleSnapshot _current = initial;

    public RoleSnapshot Current => Volatile.Read(ref _current);

    public void Set(RoleSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
