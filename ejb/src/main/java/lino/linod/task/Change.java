package lino.linod.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One changed field of a system task: who, when, old and new value (the audit trail). */
@Entity
@Table(name = "LINOD_CHANGE", indexes = @Index(name = "LINOD_CHANGE_TASK", columnList = "TASK_ID, CHANGED_AT"))
@NamedQuery(name = Change.OF_TASK, query = "SELECT c FROM Change c WHERE c.taskId = :task"
        + " ORDER BY c.at DESC, c.id DESC")
public class Change {

    static final String OF_TASK = "Change.ofTask";
    static final int VALUE_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "LINOD_IDS")
    private Long id;

    @Column(name = "TASK_ID", nullable = false)
    private Long taskId;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant at;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    private String user;

    @Column(name = "FIELD_NAME", nullable = false, length = 50)
    private String field;

    @Column(name = "OLD_VALUE", length = VALUE_LENGTH)
    private String oldValue;

    @Column(name = "NEW_VALUE", length = VALUE_LENGTH)
    private String newValue;

    protected Change() {
    }

    public Change(Long taskId, Instant at, String user, String field, Object oldValue, Object newValue) {
        this.taskId = taskId;
        this.at = at;
        this.user = user;
        this.field = field;
        this.oldValue = cut(oldValue);
        this.newValue = cut(newValue);
    }

    private static String cut(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() <= VALUE_LENGTH ? text : text.substring(0, VALUE_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public Instant getAt() {
        return at;
    }

    public String getUser() {
        return user;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
