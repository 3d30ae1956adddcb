/**
 * `npm run host`: the hall server headless, under plain Node.
 *   --port N   (or PORT)          default 8080
 *   --data DIR (or PLENARY_DATA)  default ~/PlenaryVote/data
 *   --bind ADDR                   default 0.0.0.0
 *   --demo N                      load a demo meeting of N deputies and write their
 *                                 credentials to DATA/credentials.csv (the same CSV the
 *                                 console exports), for `npm run simulate` rehearsals
 *   --lan-console                 admit the console from other LAN machines (token still needed)
 *   --staff-token T               use this staff token instead of a random one
 *   --max-connections-per-address N
 *                                 Socket.IO connections one address may hold (default 50,
 *                                 0 = no cap; this machine's own addresses are never capped)
 *   --ready-file F                write {port, staffToken, pid} to F once listening
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createHost, defaultStaticDir } from '../host'
import { credentialsCsv } from '../host/http/downloads'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    bind: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    demo: { type: 'string' },
    'staff-token': { type: 'string' },
    'lan-console': { type: 'boolean', default: false },
    'ready-file': { type: 'string' },
    'max-connections-per-address': { type: 'string' },
  },
})

const port = Number(values.port ?? process.env.PORT ?? 8080)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口无效 / invalid port: ${values.port ?? process.env.PORT}`)
  process.exit(2)
}
const perAddress = Number(values['max-connections-per-address'] ?? 50)
if (!Number.isInteger(perAddress) || perAddress < 0) {
  console.error(
    `--max-connections-per-address 需要不小于 0 的整数 / takes a whole number ≥ 0: ${values['max-connections-per-address']}`,
  )
  process.exit(2)
}
const dataDir = resolve(
  values.data ?? process.env.PLENARY_DATA ?? join(homedir(), 'PlenaryVote', 'data'),
)
const staticDir = defaultStaticDir()

if (!values['no-build'] && !existsSync(join(staticDir, 'tablet', 'index.html'))) {
  console.log('首次运行：正在构建页面… / building the pages…')
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

try {
  const host = await createHost({
    dataDir,
    port,
    host: values.bind ?? '0.0.0.0',
    staticDir,
    allowLanConsole: values['lan-console'],
    connectionsPerAddress: perAddress,
    ...(values['staff-token'] ? { staffToken: values['staff-token'] } : {}),
  })
  if (values.demo !== undefined) {
    const count = Number(values.demo)
    if (!Number.isInteger(count) || count < 1 || count > 50_000) {
      console.error(`--demo 需要 1 到 50000 之间的整数 / --demo takes a whole number 1..50000`)
      process.exit(2)
    }
    await host.meetings.loadDemo(count)
    const file = join(dataDir, 'credentials.csv')
    await writeFile(file, credentialsCsv(host.hall, host.tabletBases()[0] ?? ''), { mode: 0o600 })
    console.log(
      `演示会议：${count} 名代表，凭证已写入 / demo meeting of ${count}; credentials in ${file}`,
    )
    console.log(
      `演练 / rehearse: npm run simulate -- --url http://127.0.0.1:${host.port} --credentials ${file}`,
    )
  }
  console.log(`民生实事票决 · 主机已启动 / host running`)
  console.log(`数据目录 / data folder: ${dataDir}`)
  console.log(`会务控制台 / staff console (this machine only):\n  ${host.consoleUrl}`)
  console.log(`代表平板加入 / tablets join at:`)
  for (const base of host.tabletBases()) console.log(`  ${base}/tablet/`)
  console.log(`大屏 / projector screen:`)
  for (const base of host.tabletBases()) console.log(`  ${base}/screen/`)
  const stop = () => {
    void host.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  if (values['ready-file']) {
    const ready = { port: host.port, staffToken: host.staffToken, pid: process.pid }
    await writeFile(values['ready-file'], JSON.stringify(ready), { mode: 0o600 })
  }
} catch (error) {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      `端口 ${port} 已被占用，请用 --port 选择其他端口 / port ${port} is in use: choose another with --port`,
    )
    process.exit(1)
  }
  throw error
}
