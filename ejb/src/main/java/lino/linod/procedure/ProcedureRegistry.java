package lino.linod.procedure;

import java.util.ArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import lino.linod.recurrence.InvalidRecurrenceException;
import lino.linod.recurrence.Recurrence;
import lino.linod.recurrence.Violation;

/**
 * Collects every {@link Procedure} bean of the deployment while the container discovers beans. A portable
 * extension sees the beans of all modules (WAR, EJB jars, libraries), which a plain {@code Instance<Procedure>}
 * in one module of an EAR would not.
 */
public class ProcedureRegistry implements Extension {

    private final Map<String, ProcedureInfo> procedures = new ConcurrentHashMap<>();
    private final StringBuilder errors = new StringBuilder();

    void collect(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (!bean.getTypes().contains(Procedure.class)) {
            return;
        }
        Optional<Described> info = describe(bean);
        if (info.isEmpty()) {
            errors.append("Procedure bean ").append(bean.getBeanClass().getName())
                    .append(" has none of @BackgroundTask, @ScheduleOften, @ScheduleDaily. ");
            return;
        }
        Described described = info.get();
        Recurrence suggested;
        try {
            suggested = Recurrence.parseSuggested(described.recurrence());
            List<Violation> wrong = suggested.violations();
            if (!wrong.isEmpty()) {
                throw new InvalidRecurrenceException(wrong);
            }
        } catch (InvalidRecurrenceException e) {
            errors.append("Procedure bean ").append(bean.getBeanClass().getName()).append(" ('")
                    .append(described.name()).append("') suggests the recurrence '").append(described.recurrence())
                    .append("', which is invalid: ").append(e.getMessage()).append(". ");
            return;
        }
        ParameterType parameters = null;
        String taskClass = ProcedureInfo.TASK_CLASS;
        List<String> runAfter = List.of();
        for (Annotation q : bean.getQualifiers()) {
            if (q instanceof BackgroundTask t) {
                try {
                    parameters = ParameterType.isNone(t.parameters()) ? null : ParameterType.of(t.parameters());
                } catch (IllegalArgumentException e) {
                    errors.append("Procedure bean ").append(bean.getBeanClass().getName()).append(": ")
                            .append(e.getMessage()).append(". ");
                    return;
                }
                taskClass = t.taskClass().isBlank() ? taskClass : t.taskClass();
                runAfter = List.of(t.runAfter());
            }
        }
        List<ProcedureInfo.Initial> initial = new ArrayList<>();
        for (InitialTask i : bean.getBeanClass().getAnnotationsByType(InitialTask.class)) {
            if (parameters != null && !parameters.read(i.parameters(), null).valid()) {
                errors.append("Procedure bean ").append(bean.getBeanClass().getName()).append(": the initial task '")
                        .append(i.name()).append("' has parameters that do not fit ")
                        .append(parameters.type().getSimpleName()).append(": ")
                        .append(parameters.read(i.parameters(), null).violations()).append(". ");
                return;
            }
            initial.add(new ProcedureInfo.Initial(i.name(), i.parameters()));
        }
        ProcedureInfo added = new ProcedureInfo(described.name(), described.recurrence(), suggested, bean,
                parameters, taskClass, List.copyOf(initial), runAfter);
        ProcedureInfo existing = procedures.putIfAbsent(added.name(), added);
        if (existing != null) {
            errors.append("Two procedures named '").append(added.name()).append("': ")
                    .append(existing.beanClassName()).append(" and ").append(added.beanClassName()).append(". ");
        }
    }

    void verify(@Observes AfterBeanDiscovery event) {
        for (ProcedureInfo p : procedures.values()) {
            for (String first : p.runAfter()) {
                if (!procedures.containsKey(first) || first.equals(p.name())) {
                    errors.append("Procedure '").append(p.name()).append("' runs after '").append(first)
                            .append("', which is ").append(first.equals(p.name()) ? "itself" : "no procedure")
                            .append(". ");
                }
            }
        }
        if (errors.length() > 0) {
            event.addDefinitionError(new DeploymentException("linod: " + errors.toString().trim()));
        }
    }

    /** The registered procedures, sorted by name. */
    public Map<String, ProcedureInfo> procedures() {
        return Collections.unmodifiableMap(new TreeMap<>(procedures));
    }

    public Optional<ProcedureInfo> find(String name) {
        return Optional.ofNullable(procedures.get(name));
    }

    /** A procedure's name and suggested recurrence as its annotation gives them. */
    record Described(String name, String recurrence) {
    }

    static Optional<Described> describe(Bean<?> bean) {
        for (Annotation q : bean.getQualifiers()) {
            if (q instanceof BackgroundTask t) {
                return Optional.of(new Described(nameOf(t.value(), bean), t.recurrence()));
            }
            if (q instanceof ScheduleOften t) {
                return Optional.of(new Described(nameOf(t.value(), bean),
                        "every=" + t.every() + ", every_unit=secondly"));
            }
            if (q instanceof ScheduleDaily t) {
                return Optional.of(new Described(nameOf(t.value(), bean), "every=1, every_unit=daily"));
            }
        }
        return Optional.empty();
    }

    private static String nameOf(String given, Bean<?> bean) {
        return given.isBlank() ? snakeCase(bean.getBeanClass().getSimpleName()) : given;
    }

    static String snakeCase(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
