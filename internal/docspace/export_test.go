package docspace

// DisableJobLock turns off the per-portal job serialisation, for the test that proves it is needed.
func DisableJobLock(c *Client) { c.noJobLock = true }
