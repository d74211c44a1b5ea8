/** The crew list grouped by job: directors, then writers, then the rest by job name. */
const FIRST = ['Director', 'Screenplay', 'Writer', 'Story', 'Novel', 'Producer', 'Original Music Composer', 'Director of Photography', 'Editor'];

export interface CrewGroup {
	job: string;
	names: string[];
}

export function crewByJob(crew: { name: string; job?: string | null; department?: string | null }[]): CrewGroup[] {
	const groups = new Map<string, string[]>();
	for (const member of crew) {
		const job = member.job || member.department || '';
		if (!job) continue;
		const names = groups.get(job) ?? [];
		if (!names.includes(member.name)) names.push(member.name);
		groups.set(job, names);
	}
	const rank = (job: string) => {
		const i = FIRST.indexOf(job);
		return i === -1 ? FIRST.length : i;
	};
	return [...groups]
		.map(([job, names]) => ({ job, names }))
		.sort((a, b) => rank(a.job) - rank(b.job) || a.job.localeCompare(b.job));
}
