package lino.linod.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/** A site user who may sign in to the pages and the API. */
@Entity
@Table(name = "LINOD_USER")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.name")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
public class User {

    static final String ALL = "User.all";
    static final String COUNT = "User.count";

    @Id
    @Column(name = "NAME", length = 100)
    private String name;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 500)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "LINOD_USER_ROLE", joinColumns = @JoinColumn(name = "USER_NAME"))
    @Column(name = "ROLE_NAME", length = 20)
    private Set<String> roles = new TreeSet<>();

    protected User() {
    }

    User(String name, String passwordHash, Set<String> roles) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
    }

    void replace(String passwordHash, Set<String> roles) {
        this.passwordHash = passwordHash;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    String passwordHash() {
        return passwordHash;
    }

    void rehash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getName() {
        return name;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }
}
