package io.github.camelseedance.emulator;

import java.util.List;

/**
 * What {@link ContractJudge} found in one request: every violation, in the order the rules were checked.
 *
 * @param violations all violations found; empty when the request follows the contract
 */
public record Verdict(List<Violation> violations) {

    public Verdict {
        violations = List.copyOf(violations);
    }

    /** True when the request follows the contract. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** The violation sentences, in order. */
    public List<String> messages() {
        return violations.stream().map(Violation::message).toList();
    }

    /** The first violation's sentence, which the emulator's 400 answer carries as {@code message}; null when valid. */
    public String firstMessage() {
        return violations.isEmpty() ? null : violations.get(0).message();
    }

    /** The field the first violation is about, which the 400 answer carries as {@code param}; null when none. */
    public String firstField() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }
}
