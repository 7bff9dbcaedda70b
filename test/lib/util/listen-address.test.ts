/** Where the servers listen: loopback unless --host opens them, and then they say so. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  foreignHost,
  isLoopback,
  localUrl,
  loopbackHosts,
  networkWarning,
  serverUrl,
} from "../../../scripts/lib/util/listen-address.ts";

test("loopback is localhost, 127.x.x.x and ::1; every interface and other addresses are not", () => {
  assert.equal(["localhost", "127.0.0.1", "127.1.2.3", "::1"].map(isLoopback), [true, true, true, true]);
  assert.equal(["0.0.0.0", "::", "192.168.1.5", "127.0.0.1.example.org"].map(isLoopback), [false, false, false, false]);
});

test("a browser on this computer opens localhost, unless the server listens on one other address only", () => {
  assert.is(localUrl("127.0.0.1", 8080), "http://localhost:8080");
  assert.is(localUrl("0.0.0.0", 8080), "http://localhost:8080");
  assert.is(localUrl("::", 8080), "http://localhost:8080");
  assert.is(localUrl("192.168.1.5", 8080), "http://192.168.1.5:8080");
  assert.is(localUrl("fe80::1", 8080), "http://[fe80::1]:8080");
});

test("a program connects where the server listens, or to 127.0.0.1 when it listens everywhere", () => {
  assert.is(serverUrl("127.0.0.1", 8080), "http://127.0.0.1:8080");
  assert.is(serverUrl("0.0.0.0", 8080), "http://127.0.0.1:8080");
  assert.is(serverUrl("::1", 8080), "http://[::1]:8080");
  assert.is(serverUrl("192.168.1.5", 8080), "http://192.168.1.5:8080");
});

test("a server on loopback is named by these Host values only", () => {
  assert.equal(loopbackHosts(8081), ["127.0.0.1:8081", "localhost:8081"]);
  assert.is(foreignHost("LocalHost:8081", 8081), undefined);
  assert.is(
    foreignHost("rebind.evil.example:8081", 8081),
    'Host "rebind.evil.example:8081" is not this server\'s address (127.0.0.1:8081 or localhost:8081)',
  );
  assert.is(foreignHost(undefined, 8081), 'Host "" is not this server\'s address (127.0.0.1:8081 or localhost:8081)');
});

test("a server opened to the network warns, naming what others can open", () => {
  assert.is(networkWarning("127.0.0.1", "the site"), undefined);
  assert.is(
    networkWarning("0.0.0.0", "the site"),
    "warning: listening on every network interface (0.0.0.0), not on this computer only: anyone who can reach it on " +
      "the network can open the site",
  );
  assert.is(
    networkWarning("192.168.1.5", "the site"),
    "warning: listening on 192.168.1.5, not on this computer only: anyone who can reach it on the network can open " +
      "the site",
  );
});

test.run();
