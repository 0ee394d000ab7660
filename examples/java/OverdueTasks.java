// A JVM office system (OA) calling libduban through its C API with JNA:
// open a ledger, import a plan, and list one unit's overdue items with their
// lights as of a date — what a 督办 portlet on a unit's desktop shows.
//
//   java -cp /usr/share/java/jna.jar:. OverdueTasks LIBDUBAN PLAN.json LEDGER UNIT YYYY-MM-DD
//
// Only the C API is used, so the same program works against any libduban
// of major version 0. Every call returns a status code; a negative one is
// turned into an exception carrying the library's own message.
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

public final class OverdueTasks {
  /** size_t: as wide as a pointer. */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;
    public SizeT() { this(0); }
    public SizeT(long value) { super(Native.SIZE_T_SIZE, value, true); }
  }

  /** A size_t the library fills. */
  public static final class SizeTByReference extends ByReference {
    public SizeTByReference() { super(Native.SIZE_T_SIZE); }
    public long getValue() { return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0); }
  }

  /** duban_date, filled by the library (passed by pointer). */
  @Structure.FieldOrder({"year", "month", "day"})
  public static class Date extends Structure {
    public int year, month, day;
    Date() {}
    Date(LocalDate d) { year = d.getYear(); month = d.getMonthValue(); day = d.getDayOfMonth(); }
    @Override public String toString() { return String.format("%04d-%02d-%02d", year, month, day); }
  }

  /** duban_date, passed by value. */
  public static final class DateValue extends Date implements Structure.ByValue {
    DateValue(LocalDate d) { super(d); }
  }

  /** duban_status_query, version 1. */
  @Structure.FieldOrder({"version", "unit_id", "role", "through_groups", "light"})
  public static class StatusQuery extends Structure {
    public int version = 1;
    public long unit_id;
    public int role;
    public int through_groups = 1;
    public int light;
  }

  /** The slice of duban.h this program uses, declared as the header does. */
  public interface Duban extends Library {
    int DUBAN_OK = 0, DUBAN_IF_EXISTS_REPLACE = 1, DUBAN_STATUS_OVERDUE = 3;

    Pointer duban_version_string();
    Pointer duban_error_message();
    int duban_db_open(PointerByReference out, String path, Pointer opts);
    void duban_db_free(Pointer db);
    int duban_db_import_plan_json(LongByReference planId, Pointer db, byte[] json, SizeT len, int ifExists);
    int duban_plan_load(PointerByReference out, Pointer db, long planId);
    void duban_plan_free(Pointer plan);
    int duban_plan_directory(PointerByReference out, Pointer plan);
    void duban_directory_free(Pointer dir);
    int duban_directory_lookup(LongByReference out, Pointer dir, byte[] name, SizeT len);
    int duban_graph_new(PointerByReference out, Pointer plan, Pointer dir);
    void duban_graph_free(Pointer graph);
    int duban_db_status(PointerByReference out, Pointer db, Pointer plan, Pointer cal, DateValue asOf, Pointer opts);
    void duban_status_free(Pointer status);
    int duban_status_cursor_new(PointerByReference out, Pointer status, Pointer graph, StatusQuery query);
    int duban_status_cursor_next(Pointer cursor);
    int duban_status_cursor_item(SizeTByReference out, Pointer cursor);
    int duban_status_cursor_role(Pointer cursor);
    void duban_status_cursor_free(Pointer cursor);
    Pointer duban_status_item_id(Pointer status, SizeT index, Pointer lenOut);
    Pointer duban_status_item_title(Pointer status, SizeT index, Pointer lenOut);
    int duban_status_item_status(Pointer status, SizeT index);
    int duban_status_item_light(Pointer status, SizeT index);
    int duban_status_item_due(Date out, Pointer status, SizeT index);
    Pointer duban_light_name(int light);
  }

  static Duban lib;

  static String text(Pointer p) { return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name()); }

  static void check(int rc, String call) {
    if (rc < 0) throw new IllegalStateException(call + " failed (" + rc + "): " + text(lib.duban_error_message()));
  }

  static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: OverdueTasks LIBDUBAN PLAN.json LEDGER UNIT YYYY-MM-DD");
      System.exit(2);
    }
    lib = Native.load(args[0], Duban.class);
    final byte[] plan = Files.readAllBytes(Path.of(args[1]));
    final String unitName = args[3];
    final LocalDate asOf = LocalDate.parse(args[4]);
    System.out.println("libduban " + text(lib.duban_version_string()));

    PointerByReference out = new PointerByReference();
    check(lib.duban_db_open(out, args[2], null), "duban_db_open");
    final Pointer db = out.getValue();
    Pointer loaded = null, dir = null, graph = null, status = null, cursor = null;
    try {
      LongByReference id = new LongByReference();
      check(lib.duban_db_import_plan_json(id, db, plan, new SizeT(plan.length), Duban.DUBAN_IF_EXISTS_REPLACE),
            "duban_db_import_plan_json");
      System.out.println("plan " + id.getValue() + " imported into " + args[2]);

      check(lib.duban_plan_load(out, db, id.getValue()), "duban_plan_load");
      loaded = out.getValue();
      check(lib.duban_plan_directory(out, loaded), "duban_plan_directory");
      dir = out.getValue();
      byte[] name = utf8(unitName);
      LongByReference unit = new LongByReference();
      check(lib.duban_directory_lookup(unit, dir, name, new SizeT(name.length)), "duban_directory_lookup");
      check(lib.duban_graph_new(out, loaded, dir), "duban_graph_new");
      graph = out.getValue();
      check(lib.duban_db_status(out, db, loaded, null, new DateValue(asOf), null), "duban_db_status");
      status = out.getValue();

      StatusQuery query = new StatusQuery();
      query.unit_id = unit.getValue();
      check(lib.duban_status_cursor_new(out, status, graph, query), "duban_status_cursor_new");
      cursor = out.getValue();

      System.out.println("overdue for " + unitName + " as of " + asOf + ":");
      int overdue = 0;
      SizeTByReference item = new SizeTByReference();
      while (true) {
        int rc = lib.duban_status_cursor_next(cursor);
        check(rc, "duban_status_cursor_next");
        if (rc != Duban.DUBAN_OK) break;
        check(lib.duban_status_cursor_item(item, cursor), "duban_status_cursor_item");
        SizeT i = new SizeT(item.getValue());
        if (lib.duban_status_item_status(status, i) != Duban.DUBAN_STATUS_OVERDUE) continue;
        Date due = new Date();
        check(lib.duban_status_item_due(due, status, i), "duban_status_item_due");
        System.out.printf("  [%s] %s %s due %s%n", text(lib.duban_light_name(lib.duban_status_item_light(status, i))),
                          text(lib.duban_status_item_id(status, i, null)),
                          text(lib.duban_status_item_title(status, i, null)), due);
        ++overdue;
      }
      System.out.println(overdue + " overdue");
    } finally {
      // Any order is safe: each handle keeps what it needs alive.
      lib.duban_status_cursor_free(cursor);
      lib.duban_status_free(status);
      lib.duban_graph_free(graph);
      lib.duban_directory_free(dir);
      lib.duban_plan_free(loaded);
      lib.duban_db_free(db);
    }
  }
}
