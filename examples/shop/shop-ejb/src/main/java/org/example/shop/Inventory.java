package org.example.shop;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.TreeMap;

/** The shop's own bean: an enterprise bean of the shop's module, which the procedure below gets injected. */
@Singleton
public class Inventory {

    private final Map<String, Integer> stock = new TreeMap<>(Map.of("apples", 12, "pears", 7, "plums", 30));
    private int counts;

    /** Counts the stock and returns a line about it. */
    @Lock(LockType.WRITE)
    public String count() {
        counts++;
        int pieces = stock.values().stream().mapToInt(Integer::intValue).sum();
        return "Stock count " + counts + ": " + stock.size() + " articles, " + pieces + " pieces.";
    }
}
